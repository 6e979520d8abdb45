// Escalation end to end: every path that brings in a person (the built-in request, rules on the
// tone streak, a legal threat and unanswered turns, the model's tool call), a calm conversation
// that never escalates, the visitor asked for an email when nobody can answer now, and a dry run
// that says exactly what a live conversation did.
import type { ConversationView, MessageView, TicketView } from '@parley/contracts';
import { EventRecorder, mockReply, startMockOpenAI, waitForQueueIdle, type MockOpenAI } from '@parley/testing';
import { createHmac } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { bootParley, connect, createOrganization, emitWithAck, Http, login, type Parley } from './support/parley';

const ORIGIN = 'https://escalation.example';
const BOT_TEXT = 'Here is what I can tell you.';

interface Inbox {
  id: string;
  publicKey: string;
  identitySecret: string;
}

interface DryRun {
  steps: Array<{ index: number; analysis: { tone: { label: string } }; trend: { negativeStreak: number }; fired: Array<{ rule: string; phase: string }> }>;
  escalation: { index: number; phase: string; source: string; rule?: string } | null;
}

describe('escalation (end to end)', () => {
  let llm: MockOpenAI;
  let parley: Parley;
  let http: Http;
  let admin: Http;
  let personaId: string;
  let inbox: Inbox;
  const sockets: Socket[] = [];

  async function newVisitor(key: string, user?: Record<string, unknown>) {
    const session = await http.post<{ visitorToken: string }>('/widget/session', { inboxKey: key, ...(user ? { user } : {}) }, { origin: ORIGIN });
    expect(session.status).toBe(200);
    const socket = await connect(parley.url, '/widget', session.body.visitorToken, ORIGIN);
    sockets.push(socket);
    return { socket, events: new EventRecorder(socket) };
  }

  /** Sends each text and waits until the worker has handled it (bot reply, rules, escalation). */
  async function say(socket: Socket, ...texts: string[]): Promise<string> {
    let conversationId = '';
    for (const text of texts) {
      const ack = await emitWithAck<{ ok: boolean; message: MessageView }>(socket, 'message:send', { clientMessageId: `${Math.random()}`, text });
      expect(ack.ok).toBe(true);
      conversationId = ack.message.conversationId;
      await waitForQueueIdle(parley.jobs.queue);
    }
    return conversationId;
  }

  async function conversation(http: Http, id: string) {
    const response = await http.get<ConversationView & { messages: MessageView[] }>(`/conversations/${id}`);
    expect(response.status).toBe(200);
    return response.body;
  }

  async function ticketOf(http: Http, conversationId: string): Promise<TicketView | undefined> {
    const tickets = await http.get<{ items: TicketView[] }>('/tickets?status=open');
    return tickets.body.items.find((ticket) => ticket.conversationId === conversationId);
  }

  async function newInbox(http: Http, persona: string): Promise<Inbox> {
    const response = await http.post<Inbox>('/inboxes', { name: 'Help', personaId: persona, allowedOrigins: [ORIGIN] });
    expect(response.status).toBe(201);
    return response.body;
  }

  beforeAll(async () => {
    llm = await startMockOpenAI();
    parley = await bootParley({ llmBaseUrl: llm.baseUrl, env: { LLM_ANALYSIS_TIMEOUT_MS: '300' } });
    http = new Http(parley.url);
    const org = await createOrganization(parley);
    admin = await login(http, org.email, org.password);
    personaId = (await admin.post<{ id: string }>('/personas', { name: 'Sam', instructions: 'Help with shipping.' })).body.id;
    await admin.post('/knowledge/articles', {
      title: 'Shipping times',
      body: 'Orders ship within two business days. Express delivery arrives the next day and costs extra.',
    });
    inbox = await newInbox(admin, personaId);
    // An agent on the live view: people are around.
    sockets.push(await connect(parley.url, '/agent', admin.token ?? ''));
  });

  beforeEach(() => {
    llm.reset();
    llm.setDefaultReply(mockReply.text(BOT_TEXT));
  });

  afterAll(async () => {
    sockets.forEach((socket) => socket.disconnect());
    await parley?.close();
    await llm?.close();
  });

  it('gives every new persona the default rules, and refuses a bad rule naming its path', async () => {
    const rules = await admin.get<Array<{ name: string }>>(`/personas/${personaId}/escalation-rules`);
    expect(rules.body.map((rule) => rule.name)).toEqual([
      'Visitor asks for a person',
      'Legal threat',
      'Two negative messages in a row',
      'Three unanswered turns',
    ]);
    const bad = await admin.request('PUT', `/personas/${personaId}/escalation-rules`, [
      { name: 'ok', when: { fact: 'intent', operator: 'equal', value: 'refund' }, then: { action: 'escalate' } },
      { name: 'bad', when: { fact: 'intent', operator: 'equal', value: 'refund' }, then: { action: 'escalate', priority: 'asap' } },
    ]);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: 'invalid_input', message: expect.stringContaining('1.then.priority') } });
    expect((await admin.get<unknown[]>(`/personas/${personaId}/escalation-rules`)).body).toHaveLength(4);
  });

  it('lets a calm conversation run without any rule firing', async () => {
    const { socket, events } = await newVisitor(inbox.publicKey);
    const id = await say(socket, 'How long does shipping take?', 'Does express delivery cost extra?', 'Great, thanks a lot!');
    const detail = await conversation(admin, id);
    expect(detail.status).toBe('bot');
    expect(detail.escalation).toBeUndefined();
    expect(detail.tags).toEqual([]);
    expect(detail.messages.map((message) => message.role)).toEqual(['visitor', 'bot', 'visitor', 'bot', 'visitor', 'bot']);
    expect(events.all('conversation:status')).toEqual([]);
    expect(await ticketOf(admin, id)).toBeUndefined();
  });

  it('escalates two negative messages in a row with high priority, and the dry run agrees', async () => {
    const { socket, events } = await newVisitor(inbox.publicKey);
    const texts = ['Where is my parcel?', 'This is terrible, I am so disappointed.', 'Awful service, this is unacceptable and useless.'];
    const id = await say(socket, ...texts);

    const detail = await conversation(admin, id);
    expect(detail).toMatchObject({ status: 'waiting', priority: 'high', tone: { negativeStreak: 2 } });
    expect(detail.escalation).toMatchObject({ source: 'rule', rule: 'Two negative messages in a row', reason: 'the visitor is upset' });
    expect(detail.escalation?.summary).toContain('The ask: "Where is my parcel?"');
    expect(detail.messages.map((message) => message.role)).toEqual(['visitor', 'bot', 'visitor', 'bot', 'visitor', 'system']);
    expect(detail.messages.filter((message) => message.role === 'visitor').map((message) => message.tone?.label)).toEqual([
      'neutral',
      expect.stringMatching(/frustrated|angry/),
      expect.stringMatching(/frustrated|angry/),
    ]);
    const notice = await events.waitFor<{ message: MessageView }>('message:new', (event) => event.message.role === 'system');
    expect(notice.message.text).toMatch(/usually replies within about \d+ minutes?/);
    expect(notice.message.askEmail).toBeUndefined();
    expect(await ticketOf(admin, id)).toMatchObject({
      priority: 'high',
      source: 'rule',
      rule: 'Two negative messages in a row',
      summary: expect.stringContaining('Tone: '),
    });

    // The transcript as agents see it, replayed: the same rule at the same visitor message.
    const transcript = detail.messages
      .filter((message) => message.role === 'visitor' || message.role === 'bot')
      .map((message) => ({ role: message.role, text: message.text, ...(message.role === 'bot' ? { unanswered: true } : {}) }));
    const dry = await admin.post<DryRun>(`/personas/${personaId}/escalation-rules/dry-run`, { transcript });
    expect(dry.status).toBe(200);
    expect(dry.body.escalation).toEqual({
      index: 4,
      phase: 'message',
      source: 'rule',
      rule: detail.escalation?.rule,
      reason: detail.escalation?.reason,
      priority: 'high',
    });
    expect(dry.body.steps.map((step) => step.analysis.tone.label)).toEqual(
      detail.messages.filter((message) => message.role === 'visitor').map((message) => message.tone?.label),
    );
    expect(dry.body.steps.at(-1)?.trend.negativeStreak).toBe(detail.tone.negativeStreak);
  });

  it('escalates a legal threat as urgent, tagged legal', async () => {
    const { socket } = await newVisitor(inbox.publicKey);
    const id = await say(socket, 'If this is not fixed today I will sue you.');
    const detail = await conversation(admin, id);
    expect(detail).toMatchObject({ status: 'waiting', priority: 'urgent', tags: ['legal'] });
    expect(detail.escalation).toMatchObject({ source: 'rule', rule: 'Legal threat' });
    expect(await ticketOf(admin, id)).toMatchObject({ priority: 'urgent', source: 'rule' });
    expect(llm.requests).toHaveLength(0);
  });

  it('escalates after three unanswered bot turns, as the dry run predicts', async () => {
    const { socket } = await newVisitor(inbox.publicKey);
    const texts = ['Do you sell gift cards?', 'Can I pay with crypto coins?', 'Is there a student discount?'];
    const id = await say(socket, ...texts);
    const detail = await conversation(admin, id);
    expect(detail.status).toBe('waiting');
    expect(detail.escalation).toMatchObject({ source: 'rule', rule: 'Three unanswered turns' });
    expect(detail.messages.map((message) => message.role)).toEqual(['visitor', 'bot', 'visitor', 'bot', 'visitor', 'bot', 'system']);

    const transcript = texts.flatMap((text) => [
      { role: 'visitor', text },
      { role: 'bot', text: BOT_TEXT, unanswered: true },
    ]);
    const dry = await admin.post<DryRun>(`/personas/${personaId}/escalation-rules/dry-run`, { transcript });
    expect(dry.body.escalation).toMatchObject({ index: 4, phase: 'reply', rule: 'Three unanswered turns' });
    expect(dry.body.steps.map((step) => step.fired.map((fired) => fired.rule))).toEqual([[], [], ['Three unanswered turns']]);
  });

  it('escalates on the model\u2019s escalate_to_human call, recorded as a tool escalation', async () => {
    llm.enqueue(mockReply.toolCall('escalate_to_human', { reason: 'wants a custom contract' }));
    const { socket } = await newVisitor(inbox.publicKey);
    const id = await say(socket, 'Could we get a custom shipping contract for our company?');
    const detail = await conversation(admin, id);
    expect(detail.escalation).toMatchObject({ source: 'tool', reason: 'wants a custom contract' });
    expect(await ticketOf(admin, id)).toMatchObject({ source: 'tool', reason: 'wants a custom contract' });
  });

  it('keeps the built-in request for a person when a persona has no rules', async () => {
    const bare = (await admin.post<{ id: string }>('/personas', { name: 'Bare', instructions: 'Help.' })).body.id;
    expect((await admin.request('PUT', `/personas/${bare}/escalation-rules`, [])).status).toBe(200);
    const bareInbox = await newInbox(admin, bare);
    const { socket } = await newVisitor(bareInbox.publicKey);
    const id = await say(socket, 'can I talk to a person please');
    const detail = await conversation(admin, id);
    expect(detail.escalation).toMatchObject({ source: 'builtin', reason: 'the visitor asked for a person' });
    expect(detail.escalation?.rule).toBeUndefined();
    expect(llm.requests).toHaveLength(0);
  });

  it('reads verified customer attributes in rules', async () => {
    const vip = (await admin.post<{ id: string }>('/personas', { name: 'Vip', instructions: 'Help.' })).body.id;
    const stored = await admin.request<Array<{ then: unknown }>>('PUT', `/personas/${vip}/escalation-rules`, [
      {
        name: 'Enterprise refunds',
        when: { all: [{ fact: 'customer.plan', operator: 'equal', value: 'enterprise' }, { fact: 'intent', operator: 'equal', value: 'refund' }] },
        then: [{ action: 'escalate', priority: 'urgent', team: 'billing' }, { action: 'tag', tags: ['vip'] }],
      },
    ]);
    expect(stored.status).toBe(200);
    expect(stored.body[0]?.then).toEqual([{ action: 'escalate', priority: 'urgent', team: 'billing' }, { action: 'tag', tags: ['vip'] }]);
    const vipInbox = await newInbox(admin, vip);
    const hash = (externalId: string) => createHmac('sha256', vipInbox.identitySecret).update(externalId).digest('hex');

    const free = await newVisitor(vipInbox.publicKey, { externalId: 'u-1', hash: hash('u-1'), attributes: { plan: 'free' } });
    const freeId = await say(free.socket, 'I want a refund for my order.');
    expect((await conversation(admin, freeId)).status).toBe('bot');

    const enterprise = await newVisitor(vipInbox.publicKey, { externalId: 'u-2', hash: hash('u-2'), attributes: { plan: 'enterprise' } });
    const id = await say(enterprise.socket, 'I want a refund for my order.');
    expect(await conversation(admin, id)).toMatchObject({ status: 'waiting', priority: 'urgent', tags: ['vip'] });
    expect(await ticketOf(admin, id)).toMatchObject({ team: 'billing', rule: 'Enterprise refunds' });
  });

  it('outside business hours, says when people are back and asks for an email', async () => {
    const tomorrow = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][(new Date().getUTCDay() + 1) % 7] as string;
    const closed = await newInbox(admin, personaId);
    const patched = await admin.request('PATCH', `/inboxes/${closed.id}`, {
      businessHours: { timezone: 'UTC', weekly: { [tomorrow]: [['09:00', '17:00']] } },
    });
    expect(patched.status).toBe(200);
    const bad = await admin.request('PATCH', `/inboxes/${closed.id}`, { businessHours: { timezone: 'Nowhere/City', weekly: {} } });
    expect(bad.body).toMatchObject({ error: { code: 'invalid_input', message: expect.stringContaining('businessHours.timezone') } });

    const { socket, events } = await newVisitor(closed.publicKey);
    const id = await say(socket, 'I want to talk to a real human');
    const notice = await events.waitFor<{ message: MessageView }>('message:new', (event) => event.message.role === 'system');
    const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.now() + 86_400_000));
    expect(notice.message.text).toContain(`we'll reply by ${weekday} 09:00 (UTC)`);
    expect(notice.message.askEmail).toBe(true);

    const ack = await emitWithAck<{ ok: boolean }>(socket, 'visitor:email', { email: 'Carla@Example.com' });
    expect(ack.ok).toBe(true);
    const detail = await conversation(admin, id);
    expect(detail.visitor.email).toBe('carla@example.com');
    expect(detail.status).toBe('waiting');
    expect(await ticketOf(admin, id)).toMatchObject({ status: 'open' });
    const refused = await emitWithAck<{ ok: boolean; error?: { code: string } }>(socket, 'visitor:email', { email: 'not-an-email' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('does not count replies as unanswered when the organization has no articles at all', async () => {
    const other = await createOrganization(parley);
    const otherAdmin = await login(http, other.email, other.password);
    const persona = (await otherAdmin.post<{ id: string }>('/personas', { name: 'Nova', instructions: 'Help.' })).body.id;
    const otherInbox = await newInbox(otherAdmin, persona);
    const { socket } = await newVisitor(otherInbox.publicKey);
    const id = await say(socket, 'Do you sell gift cards?', 'Can I pay with crypto coins?', 'Is there a student discount?', 'Do you ship abroad?');
    const detail = await conversation(otherAdmin, id);
    expect(detail.status).toBe('bot');
    expect(detail.messages.filter((message) => message.role === 'bot')).toHaveLength(4);
  });

  it('with no agent online, asks for an email even within business hours', async () => {
    const other = await createOrganization(parley);
    const otherAdmin = await login(http, other.email, other.password);
    const persona = (await otherAdmin.post<{ id: string }>('/personas', { name: 'Solo', instructions: 'Help.' })).body.id;
    const otherInbox = await newInbox(otherAdmin, persona);
    const { socket, events } = await newVisitor(otherInbox.publicKey);
    await say(socket, 'agent please');
    const notice = await events.waitFor<{ message: MessageView }>('message:new', (event) => event.message.role === 'system');
    expect(notice.message.text).toMatch(/away right now; we'll reply as soon as someone is back\. Leave your email/);
    expect(notice.message.askEmail).toBe(true);
  });

  describe('LLM analysis mode', () => {
    let llmPersona: string;
    let llmInbox: Inbox;

    beforeAll(async () => {
      llmPersona = (await admin.post<{ id: string }>('/personas', { name: 'Ana', instructions: 'Help.', analysisMode: 'llm' })).body.id;
      await admin.request('PUT', `/personas/${llmPersona}/escalation-rules`, [
        { name: 'Angry', when: { fact: 'tone.label', operator: 'equal', value: 'angry' }, then: { action: 'escalate', priority: 'high' } },
      ]);
      llmInbox = await newInbox(admin, llmPersona);
    });

    function analysisReply(reply: ReturnType<typeof mockReply.text>) {
      llm.setDefaultReply((request) => ('response_format' in request.body ? reply : mockReply.text(BOT_TEXT)));
    }

    it('uses a valid structured answer of the model', async () => {
      analysisReply(mockReply.text(JSON.stringify({ tone: { label: 'angry', score: -0.8 }, intent: 'complaint' })));
      const { socket } = await newVisitor(llmInbox.publicKey);
      const id = await say(socket, 'Well, that is just how it is, I suppose.');
      const detail = await conversation(admin, id);
      expect(detail.messages[0]).toMatchObject({ tone: { label: 'angry', score: -0.8 }, intent: 'complaint', analysisSource: 'llm' });
      expect(detail.escalation).toMatchObject({ rule: 'Angry' });
      const analysisRequest = llm.requests.find((request) => 'response_format' in request.body);
      expect(analysisRequest?.body).toMatchObject({ response_format: { type: 'json_schema' } });
    });

    it('falls back to the local analyser on output outside the labels', async () => {
      analysisReply(mockReply.text(JSON.stringify({ tone: { label: 'furious', score: -2 }, intent: 'complaint' })));
      const { socket } = await newVisitor(llmInbox.publicKey);
      const id = await say(socket, 'Well, that is just how it is, I suppose.');
      const detail = await conversation(admin, id);
      expect(detail.messages[0]?.analysisSource).toBeUndefined();
      expect(detail.messages[0]?.tone?.label).not.toBe('angry');
      expect(detail.status).toBe('bot');
    });

    it('falls back to the local analyser when the model is too slow', async () => {
      analysisReply(mockReply.text(JSON.stringify({ tone: { label: 'angry', score: -0.9 }, intent: 'complaint' }), { firstTokenDelayMs: 2_000 }));
      const { socket } = await newVisitor(llmInbox.publicKey);
      const id = await say(socket, 'Well, that is just how it is, I suppose.');
      const detail = await conversation(admin, id);
      expect(detail.messages[0]?.analysisSource).toBeUndefined();
      expect(detail.status).toBe('bot');
      expect(detail.messages.map((message) => message.role)).toEqual(['visitor', 'bot']);
    });
  });

  describe('with LLM handoff summaries', () => {
    let summarising: Parley;
    let agentHttp: Http;
    let key: string;

    const isSummary = (request: { body: { messages: Array<{ content?: unknown }> } }) =>
      JSON.stringify(request.body.messages[0]?.content ?? '').includes('handoff note');

    beforeAll(async () => {
      // Its own Redis prefix, so the other instance's worker never takes its jobs.
      summarising = await bootParley({
        llmBaseUrl: llm.baseUrl,
        env: { LLM_HANDOFF_SUMMARY: 'true', REDIS_PREFIX: `${process.env.REDIS_PREFIX ?? 'test'}-summary` },
      });
      const org = await createOrganization(summarising);
      agentHttp = await login(new Http(summarising.url), org.email, org.password);
      const persona = (await agentHttp.post<{ id: string }>('/personas', { name: 'Lu', instructions: 'Help.' })).body.id;
      key = (await newInbox(agentHttp, persona)).publicKey;
    });

    afterAll(async () => {
      await summarising?.close();
    });

    async function escalateOnce(): Promise<string> {
      const session = await new Http(summarising.url).post<{ visitorToken: string }>('/widget/session', { inboxKey: key }, { origin: ORIGIN });
      const socket = await connect(summarising.url, '/widget', session.body.visitorToken, ORIGIN);
      sockets.push(socket);
      const ack = await emitWithAck<{ message: MessageView }>(socket, 'message:send', { clientMessageId: 'x', text: 'agent please, my parcel is lost' });
      await waitForQueueIdle(summarising.jobs.queue);
      return ack.message.conversationId;
    }

    it('stores the model’s summary on the ticket and shows it to agents', async () => {
      llm.setDefaultReply((request) => (isSummary(request) ? mockReply.text('Lost parcel; wants a person now. Mood neutral.') : mockReply.text(BOT_TEXT)));
      const id = await escalateOnce();
      expect((await ticketOf(agentHttp, id))?.summary).toBe('Lost parcel; wants a person now. Mood neutral.');
      expect((await conversation(agentHttp, id)).escalation?.summary).toBe('Lost parcel; wants a person now. Mood neutral.');
      const request = llm.requests.find(isSummary);
      expect(JSON.stringify(request?.body.messages)).toContain('agent please, my parcel is lost');
    });

    it('falls back to the extractive summary when the model fails', async () => {
      llm.setDefaultReply((request) => (isSummary(request) ? mockReply.error(500, { message: 'down' }) : mockReply.text(BOT_TEXT)));
      const id = await escalateOnce();
      expect((await ticketOf(agentHttp, id))?.summary).toContain('The ask: "agent please, my parcel is lost"');
    });
  });
});
