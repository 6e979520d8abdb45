// Knowledge articles over the public API: CRUD with paging and search, passages embedded by a
// background job after every write, a persona's knowledge scope, and an LLM reply that cites only
// the articles it marks. Embeddings and chat completions come from the mock OpenAI-compatible server.
import type { MessageView } from '@parley/contracts';
import { KnowledgeRepository } from '@parley/data';
import { EventRecorder, mockReply, startMockOpenAI, waitForQueueIdle, type MockOpenAI } from '@parley/testing';
import type { Socket } from 'socket.io-client';
import { bootParley, connect, createOrganization, emitWithAck, Http, login, type Parley } from './support/parley';

const ORIGIN = 'https://kb.example';
const EMBEDDINGS_MODEL = 'mock-embed';

interface ArticleView {
  id: string;
  title: string;
  body: string;
  url: string | null;
  tags: string[];
  collection: string | null;
}

async function visitorOf(parley: Parley, admin: Http, personaId: string): Promise<{ socket: Socket; events: EventRecorder }> {
  const inbox = await admin.post<{ publicKey: string }>('/inboxes', { name: 'Help', personaId, allowedOrigins: [ORIGIN] });
  const session = await new Http(parley.url).post<{ visitorToken: string }>(
    '/widget/session',
    { inboxKey: inbox.body.publicKey },
    { origin: ORIGIN },
  );
  const socket = await connect(parley.url, '/widget', session.body.visitorToken, ORIGIN);
  return { socket, events: new EventRecorder(socket) };
}

async function ask(visitor: { socket: Socket; events: EventRecorder }, text: string): Promise<MessageView> {
  const ack = await emitWithAck<{ ok: boolean; message: MessageView }>(visitor.socket, 'message:send', {
    clientMessageId: `${Date.now()}-${Math.random()}`,
    text,
  });
  const reply = await visitor.events.waitFor<{ message: MessageView }>(
    'message:new',
    (event) => event.message.role === 'bot' && event.message.seq > ack.message.seq,
  );
  return reply.message;
}

describe('knowledge articles and retrieval (end to end)', () => {
  let mock: MockOpenAI;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    mock = await startMockOpenAI({ embeddings: { synonyms: [['refund', 'compensation']] } });
  });
  afterAll(async () => {
    sockets.forEach((socket) => socket.disconnect());
    await mock.close();
  });

  describe('in knowledge-base mode, with an embeddings model', () => {
    let parley: Parley;
    let admin: Http;
    let other: Http;
    let orgId: string;

    beforeAll(async () => {
      // The mock's hashed embeddings give lower cosines than a real model; 0.2 suits them.
      parley = await bootParley({ env: { EMBEDDINGS_MODEL, EMBEDDINGS_BASE_URL: mock.baseUrl, KB_MIN_SIMILARITY: '0.2' } });
      const http = new Http(parley.url);
      const org = await createOrganization(parley);
      orgId = org.orgId;
      admin = await login(http, org.email, org.password);
      const otherOrg = await createOrganization(parley);
      other = await login(http, otherOrg.email, otherOrg.password);
    });
    afterAll(() => parley?.close());

    it('creates, lists, searches, updates and deletes articles, one organization at a time', async () => {
      const created = await admin.post<ArticleView>('/knowledge/articles', {
        title: 'Gift cards',
        body: 'Gift cards never expire.',
        tags: ['shop'],
        collection: 'public',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ title: 'Gift cards', tags: ['shop'], collection: 'public', url: null });
      await admin.post('/knowledge/articles', { title: 'Parcel tracking', body: 'Tracking links are e-mailed when a parcel ships.' });

      const bad = await admin.post<{ error: { code: string; message: string } }>('/knowledge/articles', { title: 'x', body: 'y', tags: 'shop' });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain('tags');

      const page = await admin.get<{ items: ArticleView[]; nextCursor: string | null }>('/knowledge/articles?limit=1');
      expect(page.body.items.map((a) => a.title)).toEqual(['Gift cards']);
      const next = await admin.get<{ items: ArticleView[]; nextCursor: string | null }>(
        `/knowledge/articles?limit=1&cursor=${page.body.nextCursor ?? ''}`,
      );
      expect(next.body.items.map((a) => a.title)).toEqual(['Parcel tracking']);
      const search = await admin.get<{ items: ArticleView[] }>('/knowledge/articles?q=tracking%20parcels');
      expect(search.body.items.map((a) => a.title)).toEqual(['Parcel tracking']);

      const id = created.body.id;
      expect((await other.get(`/knowledge/articles/${id}`)).status).toBe(404);
      expect((await other.request('PATCH', `/knowledge/articles/${id}`, { body: 'Stolen.' })).status).toBe(404);
      expect((await other.request('DELETE', `/knowledge/articles/${id}`)).status).toBe(404);
      expect((await other.get<{ items: ArticleView[] }>('/knowledge/articles')).body.items).toEqual([]);

      const patched = await admin.request<ArticleView>('PATCH', `/knowledge/articles/${id}`, { body: 'Gift cards expire after 5 years.' });
      expect(patched.body).toMatchObject({ body: 'Gift cards expire after 5 years.', tags: ['shop'] });
      expect((await admin.request('DELETE', `/knowledge/articles/${id}`)).status).toBe(204);
      expect((await admin.get(`/knowledge/articles/${id}`)).status).toBe(404);
      expect(await parley.api.get(KnowledgeRepository).chunksOf(orgId, id)).toEqual([]);
    });

    it('embeds an article\u2019s passages after it is created, and again after it is rewritten', async () => {
      const repository = parley.api.get(KnowledgeRepository);
      const created = await admin.post<ArticleView>('/knowledge/articles', {
        title: 'Loyalty points',
        body: 'Every order earns one point per euro.',
      });
      await waitForQueueIdle(parley.jobs.queue);
      expect(mock.embeddingRequests.flatMap((r) => r.input)).toContainEqual(
        'Loyalty points\n\nEvery order earns one point per euro.',
      );
      expect(await repository.chunksToEmbed(orgId, created.body.id, EMBEDDINGS_MODEL)).toEqual([]);

      await admin.request('PATCH', `/knowledge/articles/${created.body.id}`, { body: 'Points expire after a year.' });
      await waitForQueueIdle(parley.jobs.queue);
      expect(mock.embeddingRequests.flatMap((r) => r.input)).toContainEqual('Loyalty points\n\nPoints expire after a year.');
      const chunks = await repository.chunksOf(orgId, created.body.id);
      expect(chunks).toEqual([expect.objectContaining({ content: 'Points expire after a year.', embeddingModel: EMBEDDINGS_MODEL })]);
    });

    it('answers a paraphrase from the passage vectors find, and cites its article', async () => {
      await admin.post('/knowledge/articles', {
        title: 'Refund policy',
        body: 'A refund is paid to your original payment method within 5 business days of the return.',
        url: 'https://kb.example/refunds',
      });
      await waitForQueueIdle(parley.jobs.queue);
      const persona = await admin.post<{ id: string }>('/personas', { name: 'Kit', instructions: 'Help.' });
      const visitor = await visitorOf(parley, admin, persona.body.id);
      sockets.push(visitor.socket);
      const reply = await ask(visitor, 'When is compensation paid to my card?');
      expect(reply.text).toContain('original payment method within 5 business days');
      expect(reply.citations).toEqual([
        expect.objectContaining({ title: 'Refund policy', url: 'https://kb.example/refunds' }),
      ]);
    });

    it('answers only from the articles in the persona\u2019s knowledge scope', async () => {
      await admin.post('/knowledge/articles', {
        title: 'Wholesale discounts',
        body: 'Resellers get a 20% wholesale discount on orders above 50 units.',
        tags: ['partners'],
      });
      await admin.post('/knowledge/articles', {
        title: 'Opening hours',
        body: 'Our shop is open from 9 to 17, Monday to Saturday.',
        tags: ['public'],
      });
      const scoped = await admin.post<{ id: string; knowledgeScope: unknown }>('/personas', {
        name: 'Public bot',
        instructions: 'Help.',
        knowledgeScope: { tags: ['public'] },
      });
      expect(scoped.status).toBe(201);
      expect(scoped.body.knowledgeScope).toEqual({ tags: ['public'] });
      const visitor = await visitorOf(parley, admin, scoped.body.id);
      sockets.push(visitor.socket);
      const hours = await ask(visitor, 'When is the shop open on Saturday?');
      expect(hours.text).toContain('from 9 to 17');
      const wholesale = await ask(visitor, 'What wholesale discount do resellers get?');
      expect(wholesale.text).not.toContain('20%');
      expect(wholesale.text).toMatch(/couldn't find an answer/i);

      const invalid = await admin.post<{ error: { message: string } }>('/personas', {
        name: 'Bad',
        instructions: 'Help.',
        knowledgeScope: { tags: 'public' },
      });
      expect(invalid.status).toBe(400);
    });
  });

  it('embeds, once a model is configured, the articles written while none was', async () => {
    const before = await bootParley();
    const org = await createOrganization(before);
    const admin = await login(new Http(before.url), org.email, org.password);
    const article = await admin.post<ArticleView>('/knowledge/articles', { title: 'Warranty', body: 'Two years on every product.' });
    await waitForQueueIdle(before.jobs.queue);
    const repository = before.api.get(KnowledgeRepository);
    expect(await repository.chunksToEmbed(org.orgId, article.body.id, EMBEDDINGS_MODEL)).toHaveLength(1);
    await before.close();

    const after = await bootParley({ env: { EMBEDDINGS_MODEL, EMBEDDINGS_BASE_URL: mock.baseUrl } });
    try {
      await waitForQueueIdle(after.jobs.queue);
      expect(await after.api.get(KnowledgeRepository).chunksToEmbed(org.orgId, article.body.id, EMBEDDINGS_MODEL)).toEqual([]);
    } finally {
      await after.close();
    }
  });

  describe('with an LLM', () => {
    let parley: Parley;
    let admin: Http;
    let personaId: string;

    beforeAll(async () => {
      parley = await bootParley({ llmBaseUrl: mock.baseUrl });
      const org = await createOrganization(parley);
      admin = await login(new Http(parley.url), org.email, org.password);
      await admin.post('/knowledge/articles', {
        title: 'Changing your billing address',
        body: 'Open Settings, choose Billing and click Edit next to the address.',
        url: 'https://kb.example/billing-address',
      });
      await admin.post('/knowledge/articles', { title: 'Billing cycles', body: 'Invoices are issued on the first day of each month.' });
      personaId = (await admin.post<{ id: string }>('/personas', { name: 'Max', instructions: 'Help with billing.' })).body.id;
    });
    afterEach(() => mock.reset());
    afterAll(() => parley?.close());

    it('numbers the references in the prompt and cites only the ones the reply marks', async () => {
      mock.enqueue((request) => {
        const system = String(request.body.messages[0]?.content ?? '');
        const number = /<reference id="(\d+)" title="Changing your billing address"/.exec(system)?.[1] ?? '?';
        return mockReply.text(`Open Settings, choose Billing and click Edit [${number}].`);
      });
      const visitor = await visitorOf(parley, admin, personaId);
      sockets.push(visitor.socket);
      const reply = await ask(visitor, 'How do I change the billing address on my invoices?');

      const system = String(mock.requests[0]?.body.messages[0]?.content ?? '');
      expect(system).toContain('title="Billing cycles"');
      expect(reply.citations).toEqual([
        { articleId: expect.any(String), title: 'Changing your billing address', url: 'https://kb.example/billing-address' },
      ]);
    });

    it('cites nothing when the reply uses no article', async () => {
      mock.enqueue(mockReply.text("I'm not sure about that one; shall I ask a colleague?"));
      const visitor = await visitorOf(parley, admin, personaId);
      sockets.push(visitor.socket);
      const reply = await ask(visitor, 'How do I change the billing address on my invoices?');
      expect(reply.citations ?? []).toEqual([]);
    });
  });
});

