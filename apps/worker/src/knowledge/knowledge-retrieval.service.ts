import { Inject, Injectable, Logger } from '@nestjs/common';
import { KnowledgeRepository, type Persona } from '@parley/data';
import { isUnrestricted, MIN_CONFIDENCE, parseKnowledgeScope, type ConfidenceThresholds } from '@parley/domain';
import { WORKER_CONFIG, type WorkerConfig } from '../worker-config';
import { KNOWLEDGE_EMBEDDINGS, type KnowledgeEmbeddings } from './embeddings.provider';
import { HybridRetriever, type Retrieval } from './retriever';

/** The bot turn's retrieval: the persona's knowledge scope applied to the hybrid retriever. */
@Injectable()
export class KnowledgeRetrievalService {
  private readonly logger = new Logger(KnowledgeRetrievalService.name);
  private readonly retriever: HybridRetriever;
  /** When knowledge-base mode may quote a retrieved passage. */
  readonly confidence: ConfidenceThresholds;

  constructor(
    knowledge: KnowledgeRepository,
    @Inject(KNOWLEDGE_EMBEDDINGS) embeddings: KnowledgeEmbeddings | null,
    @Inject(WORKER_CONFIG) config: WorkerConfig,
  ) {
    this.confidence = { minConfidence: MIN_CONFIDENCE, minSimilarity: config.KB_MIN_SIMILARITY };
    this.retriever = new HybridRetriever(knowledge, embeddings?.queries ?? null, {
      queryTimeoutMs: config.EMBEDDINGS_QUERY_TIMEOUT_MS,
      onEmbeddingError: (error) =>
        this.logger.warn(`question not embedded, full-text retrieval only: ${(error as Error).message}`),
    });
  }

  /** The persona is the turn's own read of it (its knowledge scope as of this turn). */
  forPersona(orgId: string, persona: Pick<Persona, 'knowledgeScope'> | null, question: string, limit: number): Promise<Retrieval> {
    const scope = parseKnowledgeScope(persona?.knowledgeScope);
    return this.retriever.retrieve(orgId, question, limit, isUnrestricted(scope) ? undefined : scope);
  }
}
