// The whole story of the contract, over real Postgres, Redis, HTTP and socket.io, with the LLM
// replaced by a mock OpenAI-compatible server driven through the real `openai` SDK.
import type { ConversationView, MessageDelta, MessageView, TicketView } from '@parley/contracts';
import { EventRecorder, mockReply, startMockOpenAI, waitForQueueIdle, type MockOpenAI } from '@parley/testing';
import { createHmac } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { bootParley, connect, createOrganization, emitWithAck, Http, login, type Parley } from './support/parley';

const ORIGIN = 'https://shop.example';
const RETURNS_ARTICLE =
  'Returns are free within 30 days of delivery. Print the prepaid label from your order page and drop the parcel at any post office.';

interface SessionBody {
  visitorToken: string;
  visitorId: string;
  settings: { title: string; greeting: string };
  conversation: { id: string; status: string } | null;
}
type MessageAck = { ok: true; message: MessageView } | { ok: false; error: { code: string; message: string } };

describe('a visitor, the bot and two agents (end to end)', () => {
  let llm: MockOpenAI;
  let parley: Parley;
  let http: Http;
  let admin: Http;
  let alice: Http;
  let bob: Http;
  let inbox: { id: string; publicKey: string; identitySecret: string; embedSnippet: string };
  let visitor: Socket;
  let visitorEvents: EventRecorder;
  let agentSocket: Socket;
  let agentEvents: EventRecorder;
  let session: SessionBody;
  let conversationId: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    llm = await startMockOpenAI();
    parley = await bootParley({ llmBaseUrl: llm.baseUrl });
    http = new Http(parley.url);
    const org = await createOrganization(parley);
    admin = await login(http, org.email, org.password);
  });

  afterAll(async () => {
    sockets.forEach((socket) => socket.disconnect());
    await parley?.close();
    await llm?.close();
  });

  it('reports health', async () => {
    const { status, body } = await http.get('/health');
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'ok' });
  });

  it('serves the dashboard, the widget and its demo page', async () => {
    for (const path of ['/dashboard/', '/widget.js', '/demo.html']) {
      expect((await fetch(`${parley.url}${path}`)).status).toBe(200);
    }
    const root = await fetch(`${parley.url}/`, { redirect: 'manual' });
    expect(root.headers.get('location')).toBe('/dashboard/');
  });

  it('lets an admin configure a persona, an article, an inbox and two agents', async () => {
    const persona = await admin.post<{ id: string }>('/personas', {
      name: 'Penny',
      instructions: 'You help customers of Acme Shoes with orders and returns.',
      greeting: 'Hi, I am Penny from Acme!',
      tone: 'warm',
    });
    expect(persona.status).toBe(201);

    const article = await admin.post('/knowledge/articles', {
      title: 'Returns and refunds',
      body: RETURNS_ARTICLE,
      url: 'https://help.shop.example/returns',
    });
    expect(article.status).toBe(201);

    const created = await admin.post<typeof inbox>('/inboxes', {
      name: 'Acme web chat',
      personaId: persona.body.id,
      allowedOrigins: [ORIGIN],
    });
    expect(created.status).toBe(201);
    inbox = created.body;
    expect(inbox.embedSnippet).toContain(inbox.publicKey);

    for (const [name, email] of [
      ['Alice', 'alice@acme.test'],
      ['Bob', 'bob@acme.test'],
    ]) {
      const user = await admin.post('/users', { email, name, password: 'agent-password-1', role: 'agent' });
      expect(user.status).toBe(201);
      expect(user.body).toMatchObject({ email, role: 'agent' });
    }
    alice = await login(http, 'alice@acme.test', 'agent-password-1');
    bob = await login(http, 'bob@acme.test', 'agent-password-1');

    const forbidden = await alice.post('/users', {
      email: 'mallory@acme.test',
      name: 'Mallory',
      password: 'agent-password-1',
      role: 'admin',
    });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('opens a widget session only from an allowed origin and with a valid identity hash', async () => {
    const wrongOrigin = await http.post('/widget/session', { inboxKey: inbox.publicKey }, { origin: 'https://evil.example' });
    expect(wrongOrigin.status).toBe(403);

    const badHash = await http.post(
      '/widget/session',
      { inboxKey: inbox.publicKey, user: { externalId: 'customer-42', hash: 'ab'.repeat(32) } },
      { origin: ORIGIN },
    );
    expect(badHash.status).toBe(401);

    const hash = createHmac('sha256', inbox.identitySecret).update('customer-42').digest('hex');
    const verified = await http.post<SessionBody>(
      '/widget/session',
      { inboxKey: inbox.publicKey, user: { externalId: 'customer-42', name: 'Carla', hash } },
      { origin: ORIGIN },
    );
    expect(verified.status).toBe(200);
    session = verified.body;
    expect(session.settings.greeting).toBe('Hi, I am Penny from Acme!');
    expect(session.conversation).toBeNull();

    const resumed = await http.post<SessionBody>(
      '/widget/session',
      { inboxKey: inbox.publicKey, visitorToken: session.visitorToken },
      { origin: ORIGIN },
    );
    expect(resumed.body.visitorId).toBe(session.visitorId);

    await expect(connect(parley.url, '/widget', session.visitorToken, 'https://evil.example')).rejects.toThrow(/origin/);
    await expect(connect(parley.url, '/widget', 'forged-token', ORIGIN)).rejects.toThrow(/unauthorized/);
    await expect(connect(parley.url, '/agent', session.visitorToken)).rejects.toThrow(/unauthorized/);
    visitor = await connect(parley.url, '/widget', session.visitorToken, ORIGIN);
    sockets.push(visitor);
    visitorEvents = new EventRecorder(visitor);
    agentSocket = await connect(parley.url, '/agent', alice.token ?? '');
    sockets.push(agentSocket);
    agentEvents = new EventRecorder(agentSocket);
  });

  it('streams a grounded bot answer to the visitor', async () => {
    llm.enqueue(mockReply.text('Returns are free within 30 days. Print the label from your order page.'));

    const ack = await emitWithAck<MessageAck>(visitor, 'message:send', {
      clientMessageId: 'c-1',
      text: 'How do I return my shoes?',
    });
    if (!ack.ok) throw new Error(ack.error.message);
    expect(ack.message).toMatchObject({ seq: 1, role: 'visitor', text: 'How do I return my shoes?', clientMessageId: 'c-1' });
    conversationId = ack.message.conversationId;

    const reply = await visitorEvents.waitFor<{ message: MessageView }>('message:new', (event) => event.message.role === 'bot');
    expect(reply.message.text).toBe('Returns are free within 30 days. Print the label from your order page.');
    expect(reply.message.seq).toBe(2);

    const deltas = visitorEvents.all<MessageDelta>('message:delta').filter((delta) => delta.messageId === reply.message.id);
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.map((delta) => delta.delta).join('')).toBe(reply.message.text);

    const own = visitorEvents.all<{ message: MessageView }>('message:new').map((event) => event.message.id);
    expect(own).toContain(ack.message.id);

    // The persona and the article reached the model, and the visitor's identity secret did not.
    const request = JSON.stringify(llm.requests[0]?.body);
    expect(request).toContain('You help customers of Acme Shoes');
    expect(request).toContain('Returns are free within 30 days of delivery');
    expect(request).not.toContain(inbox.identitySecret);
    expect(llm.requests[0]?.body.tools?.map((tool) => (tool as { function: { name: string } }).function.name)).toContain(
      'escalate_to_human',
    );
  });

  it('answers a resent clientMessageId with the same message and runs one bot turn', async () => {
    const first = visitorEvents.all<{ message: MessageView }>('message:new').find((event) => event.message.clientMessageId === 'c-1');
    const again = await emitWithAck<MessageAck>(visitor, 'message:send', { clientMessageId: 'c-1', text: 'How do I return my shoes?' });
    if (!again.ok) throw new Error(again.error.message);
    expect(again.message.id).toBe(first?.message.id);
    await waitForQueueIdle(parley.jobs.queue);
    expect(llm.requests).toHaveLength(1);

    const detail = await alice.get<{ messages: MessageView[] }>(`/conversations/${conversationId}`);
    expect(detail.body.messages.map((message) => message.role)).toEqual(['visitor', 'bot']);
  });

  it('escalates when the visitor asks for a human', async () => {
    await emitWithAck<MessageAck>(visitor, 'message:send', { clientMessageId: 'c-2', text: 'I want to talk to a real human please' });

    const status = await visitorEvents.waitFor<{ status: string }>('conversation:status', (event) => event.status === 'waiting');
    expect(status).toMatchObject({ conversationId, status: 'waiting' });
    const notice = await visitorEvents.waitFor<{ message: MessageView }>('message:new', (event) => event.message.role === 'system');
    expect(notice.message.text).toMatch(/person/i);

    const escalated = await agentEvents.waitFor<{ conversation: ConversationView; reason: string }>('conversation:escalated');
    expect(escalated.conversation).toMatchObject({ id: conversationId, status: 'waiting' });
    expect(escalated.reason).toMatch(/person/);
    expect(escalated.conversation.lastMessage).toMatchObject({ role: 'system', text: notice.message.text });
    expect(llm.requests).toHaveLength(1);

    const tickets = await alice.get<{ items: TicketView[] }>('/tickets?status=open');
    expect(tickets.body.items).toEqual([
      expect.objectContaining({ conversationId, status: 'open', subject: 'How do I return my shoes?' }),
    ]);
    const queue = await alice.get<{ items: ConversationView[] }>('/conversations?status=waiting');
    expect(queue.body.items.map((item) => item.id)).toEqual([conversationId]);
    expect(queue.body.items[0]?.escalation).toMatchObject({ source: 'rule', rule: 'Visitor asks for a person' });
  });

  it('lets exactly one of two racing agents take over', async () => {
    const results = await Promise.all([
      alice.post(`/conversations/${conversationId}/takeover`),
      bob.post(`/conversations/${conversationId}/takeover`),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 409]);
    const loser = results.find((result) => result.status === 409);
    expect(loser?.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });

    const winner = results[0]?.status === 200 ? alice : bob;
    if (winner !== alice) {
      // Keep the story simple: Bob hands it back so Alice can hold it.
      await bob.post(`/conversations/${conversationId}/handback`);
      expect((await alice.post(`/conversations/${conversationId}/takeover`)).status).toBe(200);
    }
    const status = await visitorEvents.waitFor<{ status: string; agent?: { name: string } }>(
      'conversation:status',
      (event) => event.status === 'agent' && event.agent?.name === 'Alice',
    );
    expect(status.agent).toEqual({ name: 'Alice' });
  });

  it('delivers the agent reply, never an internal note, and keeps the bot silent', async () => {
    const note = await alice.post<MessageView>(`/conversations/${conversationId}/messages`, {
      text: 'Customer is a VIP, be generous',
      internal: true,
    });
    expect(note.status).toBe(201);
    const reply = await alice.post<MessageView>(`/conversations/${conversationId}/messages`, { text: 'Hi Carla, Alice here.' });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ role: 'agent', text: 'Hi Carla, Alice here.' });

    agentSocket.emit('typing', { conversationId, on: true });
    const typing = await visitorEvents.waitFor<{ role: string; on: boolean }>('typing', (event) => event.role === 'agent');
    expect(typing).toMatchObject({ conversationId, role: 'agent', on: true });
    const received = await visitorEvents.waitFor<{ message: MessageView }>('message:new', (event) => event.message.role === 'agent');
    expect(received.message.text).toBe('Hi Carla, Alice here.');

    await emitWithAck(visitor, 'message:send', { clientMessageId: 'c-3', text: 'Thanks! Can you waive the fee?' });
    await waitForQueueIdle(parley.jobs.queue);
    expect(llm.requests).toHaveLength(1);

    const texts = visitorEvents.all<{ message: MessageView }>('message:new').map((event) => event.message.text);
    expect(texts).not.toContain('Customer is a VIP, be generous');
    const agentSaw = agentEvents.all<{ message: MessageView }>('message:new').map((event) => event.message.text);
    expect(agentSaw).toContain('Customer is a VIP, be generous');
  });

  it('syncs the whole transcript in order, without internal notes', async () => {
    const ack = await emitWithAck<{ ok: boolean; messages: MessageView[] }>(visitor, 'conversation:sync', { conversationId, afterSeq: 0 });
    expect(ack.ok).toBe(true);
    const seqs = ack.messages.map((message) => message.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    const spoken = ack.messages.filter((message) => message.role !== 'system').map((message) => message.role);
    expect(spoken).toEqual(['visitor', 'bot', 'visitor', 'agent', 'visitor']);
    expect(ack.messages.filter((message) => message.role === 'system').length).toBeGreaterThanOrEqual(2);
    expect(ack.messages.some((message) => message.text.includes('VIP'))).toBe(false);

    const after = await emitWithAck<{ ok: boolean; messages: MessageView[] }>(visitor, 'conversation:sync', {
      conversationId,
      afterSeq: seqs.at(-2),
    });
    expect(after.messages.map((message) => message.seq)).toEqual([seqs.at(-1)]);
  });

  it('never lets a second visitor read the first one\u2019s conversation', async () => {
    const other = await http.post<SessionBody>('/widget/session', { inboxKey: inbox.publicKey }, { origin: ORIGIN });
    const stranger = await connect(parley.url, '/widget', other.body.visitorToken, ORIGIN);
    sockets.push(stranger);
    const strangerEvents = new EventRecorder(stranger);
    const ack = await emitWithAck<{ ok: boolean; error?: { code: string } }>(stranger, 'conversation:sync', { conversationId, afterSeq: 0 });
    expect(ack).toEqual({ ok: false, error: expect.objectContaining({ code: 'not_found' }) });

    await alice.post(`/conversations/${conversationId}/messages`, { text: 'Only for Carla' });
    await visitorEvents.waitFor<{ message: MessageView }>('message:new', (event) => event.message.text === 'Only for Carla');
    expect(strangerEvents.all('message:new')).toEqual([]);
  });

  it('hands back to the bot and resolves', async () => {
    llm.enqueue(mockReply.text('Happy to help with anything else!'));
    const handback = await alice.post<ConversationView>(`/conversations/${conversationId}/handback`);
    expect(handback.status).toBe(200);
    expect(handback.body.status).toBe('bot');

    await emitWithAck(visitor, 'message:send', { clientMessageId: 'c-4', text: 'One more question about my order' });
    await visitorEvents.waitFor<{ message: MessageView }>('message:new', (event) => event.message.text === 'Happy to help with anything else!');

    const resolved = await alice.post<ConversationView>(`/conversations/${conversationId}/resolve`);
    expect(resolved.body.status).toBe('resolved');
    expect(resolved.body.assignee).toBeUndefined();

    const rated = await emitWithAck(visitor, 'conversation:rate', { conversationId, score: 5, comment: 'Quick and kind' });
    expect(rated).toEqual({ ok: true });
    const afterRating = await alice.get<ConversationView>(`/conversations/${conversationId}`);
    expect(afterRating.body.rating).toEqual({ score: 5, comment: 'Quick and kind' });
    const badScore = await emitWithAck(visitor, 'conversation:rate', { conversationId, score: 7 });
    expect(badScore).toEqual({ ok: false, error: expect.objectContaining({ code: 'invalid_input' }) });
    const tickets = await alice.get<{ items: TicketView[] }>('/tickets');
    expect(tickets.body.items[0]).toMatchObject({ status: 'solved', firstResponseAt: expect.any(String) });
  });

  it('answers bad input with the contract error shape', async () => {
    const unknownField = await admin.post('/personas', { name: 'X', instructions: 'Y', colour: 'red' });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body).toEqual({ error: { code: 'invalid_input', message: expect.stringContaining('colour') } });

    const wrongType = await admin.post('/personas', { name: 'X', instructions: 42 });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body).toEqual({ error: { code: 'invalid_input', message: expect.stringContaining('instructions') } });

    const hugeText = 'x'.repeat(200 * 1024);
    const tooLarge = await alice.post(`/conversations/${conversationId}/messages`, { text: hugeText });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toMatchObject({ error: { code: 'payload_too_large' } });

    const socketTooLarge = await emitWithAck<MessageAck>(visitor, 'message:send', { clientMessageId: 'c-big', text: hugeText });
    expect(socketTooLarge).toEqual({ ok: false, error: expect.objectContaining({ code: 'payload_too_large' }) });

    const socketWrong = await emitWithAck<MessageAck>(visitor, 'message:send', { clientMessageId: 7, text: 'hi', extra: true });
    expect(socketWrong).toEqual({ ok: false, error: expect.objectContaining({ code: 'invalid_input' }) });

    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      const missing = await alice.post(`/conversations/${id}/takeover`);
      expect(missing.status).toBe(404);
      expect(missing.body).toMatchObject({ error: { code: 'not_found' } });
    }

    const badJson = await admin.request('POST', '/personas', '{"name":', { 'content-type': 'application/json' });
    expect(badJson.status).toBe(400);
    expect(badJson.body).toMatchObject({ error: { code: 'invalid_json' } });

    const noToken = await http.get('/conversations');
    expect(noToken.status).toBe(401);
    expect(noToken.body).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('keeps organizations apart', async () => {
    const other = await createOrganization(parley);
    const outsider = await login(http, other.email, other.password);
    expect((await outsider.get(`/conversations/${conversationId}`)).status).toBe(404);
    expect((await outsider.post(`/conversations/${conversationId}/takeover`)).status).toBe(404);
    expect((await outsider.get<{ items: unknown[] }>('/conversations')).body.items).toEqual([]);
  });

  it('rate-limits repeated failed logins with 429 and Retry-After', async () => {
    const attempts = [];
    for (let n = 0; n < 11; n++) attempts.push(await http.post('/auth/login', { email: 'alice@acme.test', password: 'guess' }));
    expect(attempts.slice(0, 10).map((attempt) => attempt.status)).toEqual(Array(10).fill(401));
    const limited = attempts[10];
    expect(limited?.status).toBe(429);
    expect(limited?.body).toMatchObject({ error: { code: 'rate_limited' } });
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
