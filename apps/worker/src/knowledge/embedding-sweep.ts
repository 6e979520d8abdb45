import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { JobName } from '@parley/contracts';
import { JobQueue, KnowledgeRepository } from '@parley/data';
import { KNOWLEDGE_EMBEDDINGS, type KnowledgeEmbeddings } from './embeddings.provider';

/** Articles queued per start; the rest are embedded at a later start or at their next edit. */
const SWEEP_LIMIT = 10_000;

/**
 * At start, with an embeddings model configured, queues the embedding of articles written while
 * none was (or under another model), so turning embeddings on needs no manual step.
 */
@Injectable()
export class EmbeddingSweep implements OnApplicationBootstrap {
  private readonly logger = new Logger(EmbeddingSweep.name);

  constructor(
    private readonly knowledge: KnowledgeRepository,
    private readonly jobs: JobQueue,
    @Inject(KNOWLEDGE_EMBEDDINGS) private readonly embeddings: KnowledgeEmbeddings | null,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.embeddings) return;
    const pending = await this.knowledge.articlesAwaitingEmbedding(this.embeddings.documents.model, SWEEP_LIMIT);
    // A version of its own, so the sweep is never mistaken for a finished job of an earlier write.
    const version = Date.now();
    for (const { orgId, articleId } of pending) await this.jobs.enqueue(JobName.EmbedArticle, { orgId, articleId, version });
    if (pending.length > 0) this.logger.log(`queued the embedding of ${pending.length} article(s)`);
  }
}
