import { Inject, Injectable } from '@nestjs/common';
import { JobName, type JobData } from '@parley/contracts';
import { KnowledgeRepository } from '@parley/data';
import { chunkSearchText } from '@parley/domain';
import type { JobHandler } from '../jobs/job-handler';
import { KNOWLEDGE_EMBEDDINGS, type KnowledgeEmbeddings } from './embeddings.provider';

/**
 * Embeds the passages of an article that the configured model has not embedded yet. Idempotent:
 * a retry or a duplicate job finds nothing left to do; a failure is retried by the queue.
 */
@Injectable()
export class EmbedArticleHandler implements JobHandler<JobName.EmbedArticle> {
  readonly jobName = JobName.EmbedArticle;

  constructor(
    private readonly knowledge: KnowledgeRepository,
    @Inject(KNOWLEDGE_EMBEDDINGS) private readonly embeddings: KnowledgeEmbeddings | null,
  ) {}

  async handle({ orgId, articleId }: JobData<JobName.EmbedArticle>): Promise<void> {
    if (!this.embeddings) return;
    const client = this.embeddings.documents;
    const chunks = await this.knowledge.chunksToEmbed(orgId, articleId, client.model);
    if (chunks.length === 0) return;
    const vectors = await client.embed(chunks.map((chunk) => chunkSearchText(chunk.title, chunk)));
    await this.knowledge.saveEmbeddings(
      orgId,
      client.model,
      chunks.map((chunk, index) => ({ id: chunk.id, embedding: vectors[index] ?? [] })),
    );
  }
}
