import { Injectable } from '@nestjs/common';
import type { CreateArticleInput, UpdateArticleInput } from '@parley/contracts';
import { AuditRepository, KnowledgeRepository, type ArticleRow } from '@parley/data';
import { NotFoundError } from '@parley/domain';
import type { StaffPrincipal } from '../auth/token.service';
import { isUuid } from '../http/parse-input';

function toArticleView(article: ArticleRow) {
  return {
    id: article.id,
    title: article.title,
    body: article.body,
    url: article.url,
    createdAt: article.createdAt.toISOString(),
    updatedAt: article.updatedAt.toISOString(),
  };
}

@Injectable()
export class KnowledgeService {
  constructor(
    private readonly articles: KnowledgeRepository,
    private readonly audit: AuditRepository,
  ) {}

  async create(actor: StaffPrincipal, input: CreateArticleInput) {
    const article = await this.articles.create(actor.orgId, input);
    await this.record(actor, 'article.created', article.id);
    return toArticleView(article);
  }

  async list(orgId: string) {
    return { items: (await this.articles.list(orgId)).map(toArticleView) };
  }

  async get(orgId: string, id: string) {
    const article = isUuid(id) ? await this.articles.findById(orgId, id) : null;
    if (!article) throw new NotFoundError('article');
    return toArticleView(article);
  }

  async update(actor: StaffPrincipal, id: string, input: UpdateArticleInput) {
    const article = isUuid(id) ? await this.articles.update(actor.orgId, id, input) : null;
    if (!article) throw new NotFoundError('article');
    await this.record(actor, 'article.updated', id);
    return toArticleView(article);
  }

  async remove(actor: StaffPrincipal, id: string): Promise<void> {
    if (!isUuid(id) || !(await this.articles.delete(actor.orgId, id))) throw new NotFoundError('article');
    await this.record(actor, 'article.deleted', id);
  }

  private record(actor: StaffPrincipal, action: string, targetId: string) {
    return this.audit.record(actor.orgId, { actorId: actor.userId, action, targetType: 'article', targetId });
  }
}
