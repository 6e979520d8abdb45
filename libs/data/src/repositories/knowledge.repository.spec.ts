// Articles and their passages on the real Postgres: full-text ranking, vector ranking, org
// isolation, knowledge scopes, and passages that follow their article through updates and deletes.
import { chunkArticle } from '@parley/domain';
import { createPrismaClient, type PrismaClient } from '../prisma-client';
import { KnowledgeRepository } from './knowledge.repository';
import { StaffRepository } from './staff.repository';

const unit = (values: number[]) => {
  const norm = Math.sqrt(values.reduce((sum, x) => sum + x * x, 0));
  return values.map((x) => x / norm);
};

describe('KnowledgeRepository (Postgres)', () => {
  let prisma: PrismaClient;
  let knowledge: KnowledgeRepository;
  let orgId: string;
  let otherOrgId: string;

  const create = (org: string, title: string, body: string, extra: { tags?: string[]; collection?: string } = {}) =>
    knowledge.create(org, { title, body, ...extra }, chunkArticle(body));

  beforeAll(async () => {
    prisma = createPrismaClient(process.env.DATABASE_URL ?? '');
    knowledge = new KnowledgeRepository(prisma);
    const staff = new StaffRepository(prisma);
    const suffix = Math.random().toString(36).slice(2);
    orgId = (await staff.createOrganizationWithAdmin('KB A', { email: `kb-a-${suffix}@t.test`, name: 'A', passwordHash: 'x' })).orgId;
    otherOrgId = (await staff.createOrganizationWithAdmin('KB B', { email: `kb-b-${suffix}@t.test`, name: 'B', passwordHash: 'x' })).orgId;

    await create(orgId, 'Reset your password', 'Click "Forgot password" on the login page and follow the e-mail.', { tags: ['account'] });
    await create(orgId, 'Delivery', 'Parcels arrive in three days. Tracking links are e-mailed.', { collection: 'shop' });
    await create(otherOrgId, 'Reset your password (other org)', 'Secret internal procedure to reset a password.');
  });

  afterAll(() => prisma.$disconnect());

  it('ranks the passage that answers the question first, within the organization only', async () => {
    const hits = await knowledge.searchChunks(orgId, 'I forgot my password, how do I reset it?', 5);
    expect(hits[0]).toMatchObject({ title: 'Reset your password', url: null });
    expect(hits[0]?.content).toContain('Forgot password');
    expect(hits.every((hit) => !hit.title.includes('other org'))).toBe(true);
    expect(await knowledge.searchChunks(orgId, 'the and of', 5)).toEqual([]);
  });

  it('finds a passage by its article title alone (the title is carried into every passage)', async () => {
    const body = ['## Fees', 'A fee applies. '.repeat(60), '## Limits', 'Limits apply. '.repeat(80)].join('\n\n');
    const article = await create(orgId, 'International wire transfers', body);
    const hits = await knowledge.searchChunks(orgId, 'wire transfer', 10);
    const passages = hits.filter((hit) => hit.articleId === article.id);
    expect(passages.length).toBeGreaterThan(1);
    await knowledge.delete(orgId, article.id);
  });

  it('restricts retrieval to a scope of tags or collections', async () => {
    const question = 'password delivery tracking';
    const all = await knowledge.searchChunks(orgId, question, 5);
    expect(all.map((hit) => hit.title).sort()).toEqual(['Delivery', 'Reset your password']);
    const account = await knowledge.searchChunks(orgId, question, 5, { tags: ['account'], collections: [] });
    expect(account.map((hit) => hit.title)).toEqual(['Reset your password']);
    const shop = await knowledge.searchChunks(orgId, question, 5, { tags: ['none'], collections: ['shop'] });
    expect(shop.map((hit) => hit.title)).toEqual(['Delivery']);
  });

  it('re-chunks an article on update, in one transaction, and forgets the old passages', async () => {
    const article = await create(orgId, 'Gift cards', 'Gift cards never expire.');
    await knowledge.update(orgId, article.id, { body: 'Vouchers can be redeemed at checkout.' }, chunkArticle);
    expect(await knowledge.searchChunks(orgId, 'gift cards expire', 5)).toEqual([
      expect.objectContaining({ title: 'Gift cards', content: 'Vouchers can be redeemed at checkout.' }),
    ]);
    expect(await knowledge.searchChunks(orgId, 'never expire', 5)).toEqual([]);

    await knowledge.update(orgId, article.id, { title: 'Store vouchers' }, chunkArticle);
    const [hit] = await knowledge.searchChunks(orgId, 'store vouchers', 5);
    expect(hit).toMatchObject({ articleId: article.id, title: 'Store vouchers' });

    // Another organization can neither update nor delete it.
    expect(await knowledge.update(otherOrgId, article.id, { body: 'x' }, chunkArticle)).toBeNull();
    expect(await knowledge.delete(otherOrgId, article.id)).toBe(false);

    expect(await knowledge.delete(orgId, article.id)).toBe(true);
    expect(await knowledge.chunksOf(orgId, article.id)).toEqual([]);
    expect(await knowledge.searchChunks(orgId, 'vouchers', 5)).toEqual([]);
  });

  it('ranks passages by cosine similarity to a vector, among those embedded by the same model', async () => {
    const article = await create(orgId, 'Vectors', '## One\n\nFirst.\n\n' + 'word '.repeat(400) + '\n\n## Two\n\nSecond.');
    const chunks = await knowledge.chunksToEmbed(orgId, article.id, 'model-a');
    expect(chunks.length).toBeGreaterThan(1);
    await knowledge.saveEmbeddings(
      orgId,
      'model-a',
      chunks.map((chunk, i) => ({ id: chunk.id, embedding: unit(i === 0 ? [1, 0, 0] : [0, 1, 1]) })),
    );
    expect(await knowledge.chunksToEmbed(orgId, article.id, 'model-a')).toEqual([]);
    expect(await knowledge.chunksToEmbed(orgId, article.id, 'model-b')).toHaveLength(chunks.length);

    const nearest = await knowledge.nearestChunks(orgId, unit([0, 1, 0.9]), 'model-a', 5);
    expect(nearest.map((hit) => hit.chunkId)).toEqual([chunks[1]?.id, ...chunks.slice(2).map((c) => c.id), chunks[0]?.id].filter(Boolean));
    expect(nearest[0]?.score).toBeCloseTo(unit([0, 1, 0.9]).reduce((s, x, i) => s + x * (unit([0, 1, 1])[i] ?? 0), 0));
    expect(await knowledge.nearestChunks(orgId, unit([0, 1, 0.9]), 'model-b', 5)).toEqual([]);
    expect(await knowledge.nearestChunks(otherOrgId, unit([0, 1, 0.9]), 'model-a', 5)).toEqual([]);
    await knowledge.delete(orgId, article.id);
  });

  it('lists articles oldest first in pages, or by relevance for a search', async () => {
    const first = await knowledge.list(orgId, { limit: 1 });
    expect(first.items.map((a) => a.title)).toEqual(['Reset your password']);
    const second = await knowledge.list(orgId, { limit: 5, cursor: first.nextCursor ?? '' });
    expect(second.items.map((a) => a.title)).toEqual(['Delivery']);
    expect(second.nextCursor).toBeNull();
    expect((await knowledge.list(orgId, { q: 'parcels', limit: 5 })).items.map((a) => a.title)).toEqual(['Delivery']);
    expect((await knowledge.list(otherOrgId, { limit: 5 })).items.map((a) => a.title)).toEqual(['Reset your password (other org)']);
  });
});
