import { chunkArticle, chunkSearchText, DEFAULT_CHUNKING, estimateTokens } from './chunking';

const sentence = (topic: string, n: number) =>
  `${topic} sentence number ${n} explains one more detail that a customer might ask about.`;
const paragraph = (topic: string, from: number, count: number) =>
  Array.from({ length: count }, (_, i) => sentence(topic, from + i)).join(' ');

describe('estimateTokens', () => {
  it('counts English prose at roughly four characters a token', () => {
    const text = paragraph('Refund', 1, 10);
    expect(estimateTokens(text)).toBeGreaterThan(text.length / 5);
    expect(estimateTokens(text)).toBeLessThan(text.length / 3);
    expect(estimateTokens('')).toBe(0);
  });
});

describe('chunkArticle', () => {
  it('keeps a short article in one chunk, as written', () => {
    const body = 'Orders ship within two business days.\n\nExpress delivery arrives the next day.';
    expect(chunkArticle(body)).toEqual([{ position: 0, heading: null, content: body }]);
  });

  it('puts small neighbouring sections together, under the first heading', () => {
    const body = '# Shipping\n\nOrders ship in two days.\n\n## Express\n\nExpress arrives the next day.';
    const chunks = chunkArticle(body);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toMatchObject({ heading: 'Shipping' });
    expect(chunks[0]?.content).toContain('## Express\n\nExpress arrives the next day.');
  });

  it('starts a new chunk at a heading once the current one is big enough', () => {
    const body = [
      '# Refunds',
      paragraph('Refund', 1, 14),
      '# Shipping',
      paragraph('Shipping', 1, 14),
    ].join('\n\n');
    const chunks = chunkArticle(body);
    expect(chunks.map((chunk) => chunk.heading)).toEqual(['Refunds', 'Shipping']);
    expect(chunks[0]?.content.startsWith('# Refunds\n\nRefund sentence number 1 ')).toBe(true);
    expect(chunks[0]?.content).not.toContain('Shipping sentence');
    expect(chunks[1]?.content.startsWith('# Shipping\n\n')).toBe(true);
  });

  it('cuts a long section into chunks within the token limit, each repeating its heading and the previous sentence', () => {
    const body = ['## Billing', ...Array.from({ length: 8 }, (_, i) => paragraph('Billing', i * 5 + 1, 5))].join('\n\n');
    const chunks = chunkArticle(body);
    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks) {
      expect(chunk.heading).toBe('Billing');
      expect(chunk.content.startsWith('## Billing\n\n')).toBe(true);
      expect(estimateTokens(chunk.content)).toBeLessThanOrEqual(DEFAULT_CHUNKING.maxTokens);
    }
    // The last sentence of one chunk opens the next, so an answer that straddles the cut is whole in one of them.
    for (let i = 1; i < chunks.length; i++) {
      const previousLast = chunks[i - 1]?.content.split(/(?<=\.) /).at(-1) ?? '';
      expect(chunks[i]?.content).toContain(previousLast);
    }
    // Nothing of the article is lost.
    for (let n = 1; n <= 40; n++) expect(chunks.some((chunk) => chunk.content.includes(sentence('Billing', n)))).toBe(true);
    expect(chunks.map((chunk) => chunk.position)).toEqual(chunks.map((_, i) => i));
  });

  it('splits one overlong paragraph at sentence ends, and a long list at its lines', () => {
    const long = paragraph('Password', 1, 40);
    const chunks = chunkArticle(long);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.content).toMatch(/\.$/);

    const list = Array.from({ length: 60 }, (_, i) => `- Step ${i + 1}: open the settings page and press the button`).join('\n');
    const listChunks = chunkArticle(list);
    expect(listChunks.length).toBeGreaterThan(1);
    for (const chunk of listChunks) for (const line of chunk.content.split('\n')) expect(line).toMatch(/^- Step \d+:/);
  });

  it('returns no chunk for a blank body', () => {
    expect(chunkArticle(' \n\n ')).toEqual([]);
  });
});

describe('chunkSearchText', () => {
  it('carries the article title into what a chunk is searched by', () => {
    expect(chunkSearchText('Refunds', { content: 'Within 30 days.' })).toBe('Refunds\n\nWithin 30 days.');
  });
});
