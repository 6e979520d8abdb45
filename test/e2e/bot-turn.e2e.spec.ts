// The bot turn's other paths, against the mock OpenAI-compatible server: the model's own
// escalate_to_human call, a model chain that falls back, every model down, and an agent taking
// over while the bot is still streaming.
import type { ConversationView, MessageDelta, MessageView } from '@parley/contracts';
import { EventRecorder, mockReply, startMockOpenAI, waitForQueueIdle, type MockOpenAI } from '@parley/testing';
import type { Socket } from 'socket.io-client';
import { bootParley, connect, createOrganization, emitWithAck, Http, login, type Parley } from './support/parley';

const ORIGIN = 'https://bot.example';

describe('bot turns (end to end)', () => {
  let llm: MockOpenAI;
  let parley: Parley;
  let http: Http;
  let admin: Http;
  let agentEvents: EventRecorder;
  const sockets: Socket[] = [];
  let inboxKey: string;
  let personaId: string;

  /** A new visitor (and so a new conversation) for each scenario. */
  async function newVisitor(): Promise<{ socket: Socket; events: EventRecorder }> {
    const session = await http.post<{ visitorToken: string }>('/widget/session', { inboxKey }, { origin: ORIGIN });
    const socket = await connect(parley.url, '/widget', session.body.visitorToken, ORIGIN);
    sockets.push(socket);
    return { socket, events: new EventRecorder(socket) };
  }

  async function send(socket: Socket, text: string): Promise<MessageView> {
    const ack = await emitWithAck<{ ok: boolean; message: MessageView }>(socket, 'message:send', {
      clientMessageId: `${Date.now()}-${Math.random()}`,
      text,
    });
    expect(ack.ok).toBe(true);
    return ack.message;
  }

  beforeAll(async () => {
    llm = await startMockOpenAI();
    parley = await bootParley({ llmBaseUrl: llm.baseUrl });
    http = new Http(parley.url);
    const org = await createOrganization(parley);
    admin = await login(http, org.email, org.password);
    const persona = await admin.post<{ id: string }>('/personas', {
      name: 'Max',
      instructions: 'Answer questions about Acme invoices.',
      model: 'primary-model',
      fallbackModels: ['backup-model'],
    });
    personaId = persona.body.id;
    const inbox = await admin.post<{ publicKey: string }>('/inboxes', { name: 'Bot', personaId, allowedOrigins: [ORIGIN] });
    inboxKey = inbox.body.publicKey;
    const agent = await connect(parley.url, '/agent', admin.token ?? '');
    sockets.push(agent);
    agentEvents = new EventRecorder(agent);
  });

  afterEach(() => llm.reset());

  afterAll(async () => {
    sockets.forEach((socket) => socket.disconnect());
    await parley?.close();
    await llm?.close();
  });

  it('escalates with the model\u2019s reason when it calls escalate_to_human', async () => {
    llm.enqueue(mockReply.toolCall('escalate_to_human', { reason: 'billing dispute needs a person' }));
    const { socket, events } = await newVisitor();
    const question = await send(socket, 'Your invoice charged me twice and I dispute it.');

    await events.waitFor<{ status: string }>('conversation:status', (event) => event.status === 'waiting');
    const escalated = await agentEvents.waitFor<{ conversation: ConversationView; reason: string }>(
      'conversation:escalated',
      (event) => event.conversation.id === question.conversationId,
    );
    expect(escalated.reason).toBe('billing dispute needs a person');
    expect(escalated.conversation.escalation).toMatchObject({ source: 'tool', reason: 'billing dispute needs a person' });
  });

  it('falls back to the next model when the first one fails before answering', async () => {
    llm.setDefaultReply((request) =>
      request.body.model === 'primary-model'
        ? mockReply.error(500, { message: 'overloaded' })
        : mockReply.text('Invoices are in Settings, Billing.'),
    );
    const { socket, events } = await newVisitor();
    await send(socket, 'Where do I find my invoices?');

    const reply = await events.waitFor<{ message: MessageView }>('message:new', (event) => event.message.role === 'bot');
    expect(reply.message.text).toBe('Invoices are in Settings, Billing.');
    const models = llm.requests.map((request) => request.body.model);
    expect(models[0]).toBe('primary-model');
    expect(models.at(-1)).toBe('backup-model');

    const stored = await admin.get<{ messages: MessageView[] }>(`/conversations/${reply.message.conversationId}`);
    expect(stored.body.messages.find((message) => message.role === 'bot')?.usage).toMatchObject({
      model: 'backup-model',
      promptTokens: expect.any(Number),
      completionTokens: expect.any(Number),
    });
  });

  it('apologises and escalates when every model is down', async () => {
    llm.setDefaultReply(mockReply.error(503, { message: 'down' }));
    const { socket, events } = await newVisitor();
    const question = await send(socket, 'Can I get a copy of last month\u2019s invoice?');

    await events.waitFor<{ status: string }>('conversation:status', (event) => event.status === 'waiting');
    const texts = events.all<{ message: MessageView }>('message:new').map((event) => event.message);
    expect(texts.some((message) => message.role === 'system' && /sorry/i.test(message.text))).toBe(true);
    expect(texts.some((message) => message.role === 'bot')).toBe(false);
    const escalated = await agentEvents.waitFor<{ conversation: ConversationView }>(
      'conversation:escalated',
      (event) => event.conversation.id === question.conversationId,
    );
    expect(escalated.conversation.escalation).toMatchObject({ source: 'llm_unavailable' });
  });

  it('stops the bot mid-stream when an agent takes over, and stores no half reply', async () => {
    const words = Array.from({ length: 40 }, (_, n) => `word${n} `);
    llm.enqueue(mockReply.text(words.join(''), { chunks: words, chunkDelayMs: 50 }));
    const { socket, events } = await newVisitor();
    const question = await send(socket, 'Tell me everything about invoices.');

    await events.waitFor<MessageDelta>('message:delta');
    const takeover = await admin.post<ConversationView>(`/conversations/${question.conversationId}/takeover`);
    expect(takeover.status).toBe(200);
    await waitForQueueIdle(parley.jobs.queue);

    const deltas = events.all<MessageDelta>('message:delta');
    expect(deltas.length).toBeLessThan(words.length);
    const detail = await admin.get<{ status: string; messages: MessageView[] }>(`/conversations/${question.conversationId}`);
    expect(detail.body.status).toBe('agent');
    expect(detail.body.messages.some((message) => message.role === 'bot')).toBe(false);
    expect(events.all<{ message: MessageView }>('message:new').some((event) => event.message.role === 'bot')).toBe(false);
  });

  it('applies a persona change to the next turn without a restart', async () => {
    await admin.request('PATCH', `/personas/${personaId}`, { instructions: 'Always sign as Max from Acme.' });
    llm.setDefaultReply(mockReply.text('Done. Max from Acme'));
    const { socket, events } = await newVisitor();
    await send(socket, 'Thanks for the help with invoices');
    await events.waitFor<{ message: MessageView }>('message:new', (event) => event.message.role === 'bot');
    expect(JSON.stringify(llm.requests[0]?.body.messages)).toContain('Always sign as Max from Acme.');
  });
});
