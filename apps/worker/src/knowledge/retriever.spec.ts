// The retriever on the real Postgres, with embeddings from the mock OpenAI-compatible server
// through the real SDK: vectors find a paraphrase full-text search misses, and any embeddings
// failure leaves full-text retrieval working.
import { createPrismaClient, KnowledgeRepository, StaffRepository, type PrismaClient } from '@parley/data';
import { chunkArticle, chunkSearchText } from '@parley/domain';
import { EmbeddingsClient } from '@parley/llm';
import { startMockOpenAI, type MockOpenAI } from '@parley/testing';
import { HybridRetriever } from './retriever';

const MODEL = 'mock-embed';

describe('HybridRetriever', () => {
  let prisma: PrismaClient;
  let knowledge: KnowledgeRepository;
  let mock: MockOpenAI;
  let embeddings: EmbeddingsClient;
  let orgId: string;
  const errors: unknown[] = [];

  beforeAll(async () => {
    // The mock's stand-in for what a real model learns: these phrases mean the same thing.
    mock = await startMockOpenAI({ embeddings: { synonyms: [['refund', 'compensation']] } });
    embeddings = new EmbeddingsClient({ baseURL: mock.baseUrl, apiKey: 'sk-test', model: MODEL, timeoutMs: 2_000, maxRetries: 0 });
    prisma = createPrismaClient(process.env.DATABASE_URL ?? '');
    knowledge = new KnowledgeRepository(prisma);
    const suffix = Math.random().toString(36).slice(2);
    orgId = (await new StaffRepository(prisma).createOrganizationWithAdmin('Retrieval', { email: `r-${suffix}@t.test`, name: 'R', passwordHash: 'x' })).orgId;

    const articles = [
      { title: 'Requesting a refund', body: 'Open Orders, choose the order and press "Request refund". It is paid within 5 days.' },
      { title: 'Shipping times', body: 'Orders ship within two business days; express delivery arrives the next day.' },
      { title: 'Changing your password', body: 'Open Settings, then Security, and choose a new password.' },
    ];
    for (const input of articles) {
      const article = await knowledge.create(orgId, input, chunkArticle(input.body));
      const chunks = await knowledge.chunksToEmbed(orgId, article.id, MODEL);
      const vectors = await embeddings.embed(chunks.map((chunk) => chunkSearchText(chunk.title, chunk)));
      await knowledge.saveEmbeddings(orgId, MODEL, chunks.map((chunk, i) => ({ id: chunk.id, embedding: vectors[i] ?? [] })));
    }
  });

  afterEach(() => mock.reset());
  afterAll(async () => {
    await prisma.$disconnect();
    await mock.close();
  });

  const retriever = (client: EmbeddingsClient | null) =>
    new HybridRetriever(knowledge, client, { queryTimeoutMs: 2_000, onEmbeddingError: (error) => errors.push(error) });

  it('finds with vectors a paraphrase that full-text search misses', async () => {
    const question = 'Do I get compensation?';
    const fullText = await retriever(null).retrieve(orgId, question, 3);
    expect(fullText.mode).toBe('fts');
    expect(fullText.passages.map((p) => p.title)).not.toContain('Requesting a refund');

    const hybrid = await retriever(embeddings).retrieve(orgId, question, 3);
    expect(hybrid.mode).toBe('hybrid');
    expect(hybrid.passages[0]?.title).toBe('Requesting a refund');
    expect(mock.embeddingRequests.at(-1)).toEqual({ model: MODEL, input: [question] });
  });

  it('finds with full-text search an article that uses a support synonym of the question\u2019s words', async () => {
    const result = await retriever(null).retrieve(orgId, 'Can I get my money back?', 3);
    expect(result.passages[0]?.title).toBe('Requesting a refund');
  });

  it('keeps full-text hits in the fused ranking', async () => {
    const hybrid = await retriever(embeddings).retrieve(orgId, 'how long does shipping take', 3);
    expect(hybrid.passages[0]?.title).toBe('Shipping times');
  });

  it('falls back to full-text retrieval when the embeddings endpoint fails', async () => {
    mock.failEmbeddingsWith(500);
    const result = await retriever(embeddings).retrieve(orgId, 'change my password', 3);
    expect(result.mode).toBe('fts');
    expect(result.passages[0]?.title).toBe('Changing your password');
    expect(errors.length).toBeGreaterThan(0);
  });

  it('falls back to full-text retrieval when the endpoint is unreachable', async () => {
    const dead = new EmbeddingsClient({ baseURL: 'http://127.0.0.1:9/v1', apiKey: 'k', model: MODEL, timeoutMs: 500, maxRetries: 0 });
    const result = await retriever(dead).retrieve(orgId, 'change my password', 3);
    expect(result).toMatchObject({ mode: 'fts', passages: [expect.objectContaining({ title: 'Changing your password' })] });
  });
});
