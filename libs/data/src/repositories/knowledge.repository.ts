import type { CreateArticleInput, UpdateArticleInput } from '@parley/contracts';
import { Prisma, type KnowledgeArticle, type PrismaClient } from '../generated/prisma/client';

export type ArticleRow = Omit<KnowledgeArticle, 'search'>;

/** A passage as the chunker produced it (`chunkArticle` in @parley/domain). */
export interface NewChunk {
  position: number;
  heading: string | null;
  content: string;
}

/** Restricts retrieval to articles with one of `tags` or in one of `collections`; both empty: all. */
export interface ArticleFilter {
  tags: string[];
  collections: string[];
}

export interface ArticlePage {
  items: ArticleRow[];
  nextCursor: string | null;
}

/** A retrieved passage with its article; `score` is the ranker's own (ts_rank or cosine similarity). */
export interface ChunkHit {
  chunkId: string;
  articleId: string;
  title: string;
  url: string | null;
  heading: string | null;
  content: string;
  score: number;
}

export interface ChunkToEmbed {
  id: string;
  title: string;
  content: string;
}

const articleSelect = {
  id: true,
  orgId: true,
  title: true,
  body: true,
  url: true,
  tags: true,
  collection: true,
  createdAt: true,
  updatedAt: true,
};

function encodeCursor(row: ArticleRow): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } | null {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at ?? '');
  return id && !Number.isNaN(createdAt.getTime()) ? { createdAt, id } : null;
}

/** The visitor's words OR-ed: a question matches a passage that answers it without repeating all of it. */
const orQuery = (text: string) => Prisma.sql`(
  SELECT to_tsquery('english', string_agg(lexeme, ' | ')) AS query
  FROM unnest(tsvector_to_array(to_tsvector('english', ${text}))) AS lexeme
)`;

function inScope(filter: ArticleFilter): Prisma.Sql {
  if (filter.tags.length === 0 && filter.collections.length === 0) return Prisma.sql`TRUE`;
  return Prisma.sql`(a.tags && ${filter.tags}::text[] OR a.collection = ANY(${filter.collections}::text[]))`;
}

const UNRESTRICTED: ArticleFilter = { tags: [], collections: [] };

/** Articles and their chunks: an article and its chunks are always written in one transaction. */
export class KnowledgeRepository {
  constructor(private readonly prisma: PrismaClient) {}

  create(orgId: string, data: CreateArticleInput, chunks: NewChunk[]): Promise<ArticleRow> {
    return this.prisma.$transaction(async (tx) => {
      const article = await tx.knowledgeArticle.create({ data: { ...data, orgId }, select: articleSelect });
      await tx.knowledgeChunk.createMany({ data: chunkRows(orgId, article, chunks) });
      return article;
    });
  }

  /** Oldest first, or best match first for `q` (full-text over titles and bodies). */
  async list(orgId: string, filter: { q?: string; cursor?: string; limit: number }): Promise<ArticlePage> {
    if (filter.q) return this.searchArticles(orgId, filter.q, filter.cursor, filter.limit);
    const after = filter.cursor ? decodeCursor(filter.cursor) : null;
    const rows = await this.prisma.knowledgeArticle.findMany({
      where: {
        orgId,
        ...(after
          ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] }
          : {}),
      },
      select: articleSelect,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: filter.limit + 1,
    });
    const items = rows.slice(0, filter.limit);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > filter.limit && last ? encodeCursor(last) : null };
  }

  findById(orgId: string, id: string): Promise<ArticleRow | null> {
    return this.prisma.knowledgeArticle.findFirst({ where: { id, orgId }, select: articleSelect });
  }

  /**
   * Updates an article; with `chunk`, its passages are replaced by `chunk(updated body)` in the same
   * transaction, so a search never sees the new article with the old passages (or none).
   */
  update(
    orgId: string,
    id: string,
    data: UpdateArticleInput,
    chunk: ((body: string) => NewChunk[]) | null,
  ): Promise<ArticleRow | null> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.knowledgeArticle.updateMany({ where: { id, orgId }, data });
      if (count === 0) return null;
      const article = await tx.knowledgeArticle.findFirstOrThrow({ where: { id, orgId }, select: articleSelect });
      if (chunk) {
        const chunks = chunk(article.body);
        await tx.knowledgeChunk.deleteMany({ where: { orgId, articleId: id } });
        await tx.knowledgeChunk.createMany({ data: chunkRows(orgId, article, chunks) });
      }
      return article;
    });
  }

  /** Deletes an article and (by cascade) its chunks. */
  async delete(orgId: string, id: string): Promise<boolean> {
    const { count } = await this.prisma.knowledgeArticle.deleteMany({ where: { id, orgId } });
    return count > 0;
  }

  /** Passages of one article, in order. */
  chunksOf(orgId: string, articleId: string) {
    return this.prisma.knowledgeChunk.findMany({
      where: { orgId, articleId },
      select: { id: true, position: true, heading: true, content: true, embeddingModel: true },
      orderBy: { position: 'asc' },
    });
  }

  /**
   * Full-text retrieval of passages: title and heading weigh A, the passage B; ts_rank_cd
   * normalised by rank/(rank+1) (32), then the newer article first.
   */
  searchChunks(orgId: string, query: string, limit: number, filter: ArticleFilter = UNRESTRICTED): Promise<ChunkHit[]> {
    return this.prisma.$queryRaw<ChunkHit[]>`
      WITH q AS ${orQuery(query)}
      SELECT c.id AS "chunkId", c.article_id AS "articleId", a.title, a.url, c.heading, c.content,
             ts_rank_cd(c.search, q.query, 32)::float8 AS score
      FROM knowledge_chunks c JOIN knowledge_articles a ON a.id = c.article_id, q
      WHERE c.org_id = ${orgId}::uuid AND q.query IS NOT NULL AND c.search @@ q.query AND ${inScope(filter)}
      ORDER BY score DESC, a.updated_at DESC, c.position ASC
      LIMIT ${limit}`;
  }

  /** Whether the organization has any passage within `filter` (its knowledge base is not empty). */
  async hasChunks(orgId: string, filter: ArticleFilter = UNRESTRICTED): Promise<boolean> {
    const rows = await this.prisma.$queryRaw<{ found: boolean }[]>`
      SELECT EXISTS (
        SELECT 1 FROM knowledge_chunks c JOIN knowledge_articles a ON a.id = c.article_id
        WHERE c.org_id = ${orgId}::uuid AND ${inScope(filter)}
      ) AS found`;
    return rows[0]?.found ?? false;
  }

  /**
   * Vector retrieval of passages: cosine similarity, computed in SQL as the dot product of
   * unit-length vectors, over the organization's passages embedded by the same model.
   */
  nearestChunks(
    orgId: string,
    vector: number[],
    model: string,
    limit: number,
    filter: ArticleFilter = UNRESTRICTED,
  ): Promise<ChunkHit[]> {
    return this.prisma.$queryRaw<ChunkHit[]>`
      SELECT c.id AS "chunkId", c.article_id AS "articleId", a.title, a.url, c.heading, c.content,
             (SELECT sum(x * y) FROM unnest(c.embedding, ${vector}::float8[]) AS v(x, y))::float8 AS score
      FROM knowledge_chunks c JOIN knowledge_articles a ON a.id = c.article_id
      WHERE c.org_id = ${orgId}::uuid AND c.embedding_model = ${model}
        AND cardinality(c.embedding) = ${vector.length} AND ${inScope(filter)}
      ORDER BY score DESC, c.position ASC
      LIMIT ${limit}`;
  }

  /** Passages of an article not yet embedded by `model` (new, re-chunked, or embedded by another model). */
  chunksToEmbed(orgId: string, articleId: string, model: string): Promise<ChunkToEmbed[]> {
    return this.prisma.knowledgeChunk.findMany({
      where: { orgId, articleId, OR: [{ embeddingModel: null }, { embeddingModel: { not: model } }] },
      select: { id: true, title: true, content: true },
      orderBy: { position: 'asc' },
    });
  }

  /**
   * Instance-wide, for the worker's start-up sweep only: articles with a passage not embedded by
   * `model` (written while no embeddings model was configured, or under another one).
   */
  articlesAwaitingEmbedding(model: string, limit: number): Promise<{ orgId: string; articleId: string }[]> {
    return this.prisma.$queryRaw<{ orgId: string; articleId: string }[]>`
      SELECT DISTINCT c.org_id AS "orgId", c.article_id AS "articleId"
      FROM knowledge_chunks c
      WHERE c.embedding_model IS DISTINCT FROM ${model}
      LIMIT ${limit}`;
  }

  /** Stores vectors; a passage rewritten meanwhile (its id gone) is skipped, not resurrected. */
  async saveEmbeddings(orgId: string, model: string, vectors: { id: string; embedding: number[] }[]): Promise<void> {
    await this.prisma.$transaction(
      vectors.map(({ id, embedding }) =>
        this.prisma.knowledgeChunk.updateMany({ where: { id, orgId }, data: { embedding, embeddingModel: model } }),
      ),
    );
  }

  private async searchArticles(orgId: string, query: string, cursor: string | undefined, limit: number): Promise<ArticlePage> {
    // Ranked results page by offset: ranks are not stable keys.
    const offset = cursor && /^\d{1,6}$/.test(cursor) ? Number(cursor) : 0;
    const rows = await this.prisma.$queryRaw<ArticleRow[]>`
      WITH q AS ${orQuery(query)}
      SELECT a.id, a.org_id AS "orgId", a.title, a.body, a.url, a.tags, a.collection,
             a.created_at AS "createdAt", a.updated_at AS "updatedAt"
      FROM knowledge_articles a, q
      WHERE a.org_id = ${orgId}::uuid AND q.query IS NOT NULL AND a.search @@ q.query
      ORDER BY ts_rank_cd(a.search, q.query, 32) DESC, a.updated_at DESC, a.id
      OFFSET ${offset} LIMIT ${limit + 1}`;
    return { items: rows.slice(0, limit), nextCursor: rows.length > limit ? String(offset + limit) : null };
  }
}

function chunkRows(orgId: string, article: ArticleRow, chunks: NewChunk[]) {
  return chunks.map((chunk) => ({
    orgId,
    articleId: article.id,
    position: chunk.position,
    title: article.title,
    heading: chunk.heading,
    content: chunk.content,
  }));
}
