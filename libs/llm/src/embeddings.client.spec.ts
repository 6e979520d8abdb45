import { startMockOpenAI, type MockOpenAI } from '@parley/testing';
import { EmbeddingsClient } from './embeddings.client';

describe('EmbeddingsClient (against the mock OpenAI-compatible server)', () => {
  let mock: MockOpenAI;

  beforeAll(async () => {
    mock = await startMockOpenAI();
  });
  afterEach(() => mock.reset());
  afterAll(() => mock.close());

  const client = (batchSize = 64) =>
    new EmbeddingsClient({ baseURL: mock.baseUrl, apiKey: 'sk-test-secret', model: 'embed-small', timeoutMs: 2_000, maxRetries: 0, batchSize });

  it('returns one unit vector per input, in order, sending at most batchSize inputs a request', async () => {
    const inputs = ['refund policy', 'shipping times', 'refund policy', 'password reset', 'gift cards'];
    const vectors = await client(2).embed(inputs);
    expect(vectors).toHaveLength(5);
    for (const vector of vectors) expect(Math.hypot(...vector)).toBeCloseTo(1, 6);
    expect(vectors[2]).toEqual(vectors[0]);
    expect(vectors[1]).not.toEqual(vectors[0]);
    expect(mock.embeddingRequests.map((request) => request.input.length)).toEqual([2, 2, 1]);
    expect(mock.embeddingRequests[0]?.model).toBe('embed-small');
  });

  it('fails with the provider\u2019s status and without the key in the message', async () => {
    mock.failEmbeddingsWith(401);
    const error = await client()
      .embed(['x'])
      .then(() => null, (failure: unknown) => failure as Error);
    expect(error?.message).toMatch(/401/);
    expect(error?.message).not.toContain('sk-test-secret');
  });
});
