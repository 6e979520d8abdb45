import type { CreateArticleInput, UpdateArticleInput } from '@parley/contracts';
import type { KnowledgeArticle, PrismaClient } from '../generated/prisma/client';

export type ArticleRow = Omit<KnowledgeArticle, 'search'>;

export interface ArticleHit {
  id: string;
  title: string;
  body: string;
  url: string | null;
  rank: number;
}

const articleSelect = { id: true, orgId: true, title: true, body: true, url: true, createdAt: true, updatedAt: true };

export class KnowledgeRepository {
  constructor(private readonly prisma: PrismaClient) {}

  create(orgId: string, data: CreateArticleInput): Promise<ArticleRow> {
    return this.prisma.knowledgeArticle.create({ data: { ...data, orgId }, select: articleSelect });
  }

  list(orgId: string): Promise<ArticleRow[]> {
    return this.prisma.knowledgeArticle.findMany({
      where: { orgId },
      select: articleSelect,
      orderBy: { createdAt: 'asc' },
    });
  }

  findById(orgId: string, id: string): Promise<ArticleRow | null> {
    return this.prisma.knowledgeArticle.findFirst({ where: { id, orgId }, select: articleSelect });
  }

  async update(orgId: string, id: string, data: UpdateArticleInput): Promise<ArticleRow | null> {
    const { count } = await this.prisma.knowledgeArticle.updateMany({ where: { id, orgId }, data });
    return count === 0 ? null : this.findById(orgId, id);
  }

  async delete(orgId: string, id: string): Promise<boolean> {
    const { count } = await this.prisma.knowledgeArticle.deleteMany({ where: { id, orgId } });
    return count > 0;
  }

  /**
   * Full-text search over title (weight A) and body (weight B). The visitor's words are OR-ed so a
   * question matches an article that answers it without repeating every word of it.
   */
  search(orgId: string, query: string, limit = 3): Promise<ArticleHit[]> {
    return this.prisma.$queryRaw<ArticleHit[]>`
      WITH q AS (
        SELECT to_tsquery('english', string_agg(lexeme, ' | ')) AS query
        FROM unnest(tsvector_to_array(to_tsvector('english', ${query}))) AS lexeme
      )
      SELECT a.id, a.title, a.body, a.url, ts_rank_cd(a.search, q.query, 32)::float8 AS rank
      FROM knowledge_articles a, q
      WHERE a.org_id = ${orgId}::uuid AND q.query IS NOT NULL AND a.search @@ q.query
      ORDER BY rank DESC, a.updated_at DESC
      LIMIT ${limit}`;
  }
}
