import { EmbeddingsClient } from '@parley/llm';
import type { WorkerConfig } from '../worker-config';

/** The embeddings endpoint, or null when no EMBEDDINGS_MODEL is configured (full-text retrieval only). */
export interface KnowledgeEmbeddings {
  /** Embeds passages in the background job: patient, retried. */
  documents: EmbeddingsClient;
  /** Embeds a visitor's question during a turn: one short try, no retry. */
  queries: EmbeddingsClient;
}

export const KNOWLEDGE_EMBEDDINGS = Symbol('KNOWLEDGE_EMBEDDINGS');

const NO_KEY = 'not-needed';

export function createKnowledgeEmbeddings(config: WorkerConfig): KnowledgeEmbeddings | null {
  if (!config.EMBEDDINGS_MODEL) return null;
  const endpoint = {
    baseURL: config.EMBEDDINGS_BASE_URL ?? config.OPENAI_BASE_URL,
    // Self-hosted endpoints often need no key; the SDK insists on one.
    apiKey: config.EMBEDDINGS_API_KEY ?? config.OPENAI_API_KEY ?? NO_KEY,
    model: config.EMBEDDINGS_MODEL,
  };
  return {
    documents: new EmbeddingsClient({ ...endpoint, timeoutMs: 60_000, maxRetries: 2 }),
    queries: new EmbeddingsClient({ ...endpoint, timeoutMs: config.EMBEDDINGS_QUERY_TIMEOUT_MS, maxRetries: 0 }),
  };
}
