import { Inject, Injectable, Logger } from '@nestjs/common';
import { KnowledgeRepository, type Persona } from '@parley/data';
import { isUnrestricted, MIN_CONFIDENCE, parseKnowledgeScope, type ConfidenceThresholds } from '@parley/domain';
import { WORKER_CONFIG, type WorkerConfig } from '../worker-config';
import { KNOWLEDGE_EMBEDDINGS, type KnowledgeEmbeddings } from './embeddings.provider';
import { HybridRetriever, type Retrieval } from './retriever';

/** What a turn retrieved, and whether the persona's knowledge scope holds anything at all. */
export type TurnRetrieval = Retrieval & { knowledgeInScope: boolean };

/** The bot turn's retrieval: the persona's knowledge scope applied to the hybrid retriever. */
@Injectable()
export class KnowledgeRetrievalService {
  private readonly logger = new Logger(KnowledgeRetrievalService.name);
  private readonly retriever: HybridRetriever;
  /** When knowledge-base mode may quote a retrieved passage. */
  readonly confidence: ConfidenceThresholds;

  constructor(
    private readonly knowledge: KnowledgeRepository,
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

  /**
   * The persona is the turn's own read of it (its knowledge scope as of this turn). When nothing is
   * found, `knowledgeInScope` says whether there was anything to find: a bot with no articles at
   * all is not expected to ground its answers.
   */
  async forPersona(
    orgId: string,
    persona: Pick<Persona, 'knowledgeScope'> | null,
    question: string,
    limit: number,
  ): Promise<TurnRetrieval> {
    const parsed = parseKnowledgeScope(persona?.knowledgeScope);
    const scope = isUnrestricted(parsed) ? undefined : parsed;
    const retrieval = await this.retriever.retrieve(orgId, question, limit, scope);
    const knowledgeInScope = retrieval.passages.length > 0 || (await this.knowledge.hasChunks(orgId, scope));
    return { ...retrieval, knowledgeInScope };
  }
}
