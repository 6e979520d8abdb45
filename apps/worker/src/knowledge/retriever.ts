import type { ArticleFilter, ChunkHit, KnowledgeRepository } from '@parley/data';
import { expandQuestion, reciprocalRankFusion, RRF_K } from '@parley/domain';
import type { EmbeddingsClient } from '@parley/llm';

/** Candidates taken from each ranker before fusion. */
export const CANDIDATES_PER_RANKER = 20;

export type RetrievalMode = 'fts' | 'hybrid';

/** A passage with, when the vector ranker found it, its cosine similarity to the question. */
export interface RetrievedPassage extends ChunkHit {
  similarity: number | null;
}

export interface Retrieval {
  passages: RetrievedPassage[];
  /** `hybrid` only when the question was embedded; any embedding failure falls back to `fts`. */
  mode: RetrievalMode;
}

export interface RetrieverOptions {
  /** Longest wait for the question's embedding. */
  queryTimeoutMs: number;
  onEmbeddingError?: (error: unknown) => void;
}

/**
 * Passages for a question: Postgres full-text ranking (the question's words and their support
 * synonyms, expandQuestion), fused by reciprocal rank (k = RRF_K) with
 * cosine-similarity ranking when an embeddings model is configured and answers in time.
 */
export class HybridRetriever {
  constructor(
    private readonly knowledge: KnowledgeRepository,
    private readonly embeddings: EmbeddingsClient | null,
    private readonly options: RetrieverOptions,
  ) {}

  async retrieve(orgId: string, question: string, limit: number, filter?: ArticleFilter): Promise<Retrieval> {
    const [fullText, vector] = await Promise.all([
      this.knowledge.searchChunks(orgId, expandQuestion(question), CANDIDATES_PER_RANKER, filter),
      this.embedQuestion(question),
    ]);
    if (!vector || !this.embeddings) {
      return { passages: fullText.slice(0, limit).map((hit) => ({ ...hit, similarity: null })), mode: 'fts' };
    }
    const nearest = await this.knowledge.nearestChunks(orgId, vector, this.embeddings.model, CANDIDATES_PER_RANKER, filter);
    const similarity = new Map(nearest.map((hit) => [hit.chunkId, hit.score]));
    const fused = reciprocalRankFusion([fullText, nearest], (hit) => hit.chunkId, RRF_K);
    const passages = fused
      .slice(0, limit)
      .map(({ item, score }) => ({ ...item, score, similarity: similarity.get(item.chunkId) ?? null }));
    return { passages, mode: 'hybrid' };
  }

  private async embedQuestion(question: string): Promise<number[] | null> {
    if (!this.embeddings) return null;
    try {
      const [vector] = await this.embeddings.embed([question], AbortSignal.timeout(this.options.queryTimeoutMs));
      return vector ?? null;
    } catch (error) {
      this.options.onEmbeddingError?.(error);
      return null;
    }
  }
}
