import { Injectable } from '@nestjs/common';
import { JobName, type CreateArticleInput, type ListArticlesQuery, type UpdateArticleInput } from '@parley/contracts';
import { AuditRepository, JobQueue, KnowledgeRepository, type ArticleRow } from '@parley/data';
import { chunkArticle, NotFoundError } from '@parley/domain';
import type { StaffPrincipal } from '../auth/token.service';
import { isUuid } from '../http/parse-input';

const DEFAULT_PAGE_SIZE = 50;
const chunkBody = (body: string) => chunkArticle(body);

function toArticleView(article: ArticleRow) {
  return {
    id: article.id,
    title: article.title,
    body: article.body,
    url: article.url,
    tags: article.tags,
    collection: article.collection,
    createdAt: article.createdAt.toISOString(),
    updatedAt: article.updatedAt.toISOString(),
  };
}

/** Articles: each write re-chunks the article and queues the embedding of its new passages. */
@Injectable()
export class KnowledgeService {
  constructor(
    private readonly articles: KnowledgeRepository,
    private readonly audit: AuditRepository,
    private readonly jobs: JobQueue,
  ) {}

  async create(actor: StaffPrincipal, input: CreateArticleInput) {
    const article = await this.articles.create(actor.orgId, input, chunkArticle(input.body));
    await this.record(actor, 'article.created', article.id);
    await this.queueEmbedding(article);
    return toArticleView(article);
  }

  async list(orgId: string, query: ListArticlesQuery) {
    const page = await this.articles.list(orgId, {
      q: query.q || undefined,
      cursor: query.cursor,
      limit: query.limit ?? DEFAULT_PAGE_SIZE,
    });
    return { items: page.items.map(toArticleView), nextCursor: page.nextCursor };
  }

  async get(orgId: string, id: string) {
    const article = isUuid(id) ? await this.articles.findById(orgId, id) : null;
    if (!article) throw new NotFoundError('article');
    return toArticleView(article);
  }

  async update(actor: StaffPrincipal, id: string, input: UpdateArticleInput) {
    // Passages carry the title, so a new title or body re-chunks the article.
    const rewritten = input.title !== undefined || input.body !== undefined;
    const article = isUuid(id) ? await this.articles.update(actor.orgId, id, input, rewritten ? chunkBody : null) : null;
    if (!article) throw new NotFoundError('article');
    await this.record(actor, 'article.updated', id);
    if (rewritten) await this.queueEmbedding(article);
    return toArticleView(article);
  }

  async remove(actor: StaffPrincipal, id: string): Promise<void> {
    if (!isUuid(id) || !(await this.articles.delete(actor.orgId, id))) throw new NotFoundError('article');
    await this.record(actor, 'article.deleted', id);
  }

  private queueEmbedding(article: ArticleRow) {
    return this.jobs.enqueue(JobName.EmbedArticle, {
      orgId: article.orgId,
      articleId: article.id,
      version: article.updatedAt.getTime(),
    });
  }

  private record(actor: StaffPrincipal, action: string, targetId: string) {
    return this.audit.record(actor.orgId, { actorId: actor.userId, action, targetType: 'article', targetId });
  }
}
