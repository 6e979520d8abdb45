// Admin-configured providers and the persona model chain, end to end against two mock
// OpenAI-compatible servers: keys encrypted at rest and never returned, the persona and articles
// in the request, fallbacks (500, first-token timeout, stream cut mid-way), the circuit breaker,
// costs per message, conversation and persona, and the monthly budget.
import type { MessageDelta, MessageDiscard, MessageView } from '@parley/contracts';
import { PrismaClient } from '@parley/data';
import { EventRecorder, mockReply, startMockOpenAI, waitForQueueIdle, type MockOpenAI } from '@parley/testing';
import type { Socket } from 'socket.io-client';
import { bootParley, connect, createOrganization, emitWithAck, Http, login, type Parley } from './support/parley';

const ORIGIN = 'https://providers.example';
const ALPHA_KEY = 'sk-alpha-provider-secret-0123456789';

describe('providers and model chains (end to end)', () => {
  let alpha: MockOpenAI;
  let beta: MockOpenAI;
  let parley: Parley;
  let http: Http;
  let admin: Http;
  let prisma: PrismaClient;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    [alpha, beta] = await Promise.all([startMockOpenAI(), startMockOpenAI()]);
    // No OPENAI_* default provider: every model comes from a configured provider.
    parley = await bootParley({
      env: {
        LLM_FIRST_TOKEN_TIMEOUT_MS: '400',
        LLM_RETRY_ATTEMPTS: '1',
        LLM_BREAKER_FAILURES: '2',
        LLM_BREAKER_HALF_OPEN_MS: '600000',
      },
    });
    http = new Http(parley.url);
    prisma = parley.api.get(PrismaClient);
    const org = await createOrganization(parley);
    admin = await login(http, org.email, org.password);
  });

  afterEach(() => {
    alpha.reset();
    beta.reset();
  });

  afterAll(async () => {
    sockets.forEach((socket) => socket.disconnect());
    await parley?.close();
    await alpha?.close();
    await beta?.close();
  });

  async function createProvider(as: Http, name: string, mock: MockOpenAI, models: Array<Record<string, unknown>>, extra: Record<string, unknown> = {}) {
    const response = await as.post<{ id: string }>('/providers', { name, baseUrl: mock.baseUrl, models, ...extra });
    expect(response.status).toBe(201);
    return response.body.id;
  }

  /** A persona with this chain and an inbox for it; returns the inbox key. */
  async function botWith(as: Http, model: string, fallbackModels: string[] = [], instructions = 'Help Acme customers with invoices.') {
    const persona = await as.post<{ id: string }>('/personas', { name: 'Max', instructions, model, fallbackModels });
    expect(persona.status).toBe(201);
    const inbox = await as.post<{ publicKey: string }>('/inboxes', { name: model, personaId: persona.body.id, allowedOrigins: [ORIGIN] });
    return { inboxKey: inbox.body.publicKey, personaId: persona.body.id };
  }

  async function newVisitor(inboxKey: string): Promise<{ socket: Socket; events: EventRecorder }> {
    const session = await http.post<{ visitorToken: string }>('/widget/session', { inboxKey }, { origin: ORIGIN });
    const socket = await connect(parley.url, '/widget', session.body.visitorToken, ORIGIN);
    sockets.push(socket);
    return { socket, events: new EventRecorder(socket) };
  }

  async function ask(visitor: { socket: Socket; events: EventRecorder }, text: string): Promise<MessageView> {
    const before = visitor.events.all<{ message: MessageView }>('message:new').filter((e) => e.message.role === 'bot').length;
    const ack = await emitWithAck<{ ok: boolean; message: MessageView }>(visitor.socket, 'message:send', {
      clientMessageId: `${Date.now()}-${Math.random()}`,
      text,
    });
    expect(ack.ok).toBe(true);
    await visitor.events.waitFor<{ message: MessageView }>(
      'message:new',
      () => visitor.events.all<{ message: MessageView }>('message:new').filter((e) => e.message.role === 'bot').length > before,
    );
    return visitor.events.all<{ message: MessageView }>('message:new').filter((e) => e.message.role === 'bot')[before]!.message;
  }

  const requestsFor = (mock: MockOpenAI, model: string) => mock.requests.filter((request) => request.body.model === model);

  it('stores the API key encrypted, never returns it, and lets only admins manage providers', async () => {
    const created = await admin.post<Record<string, unknown>>('/providers', {
      name: 'alpha',
      kind: 'openai_compatible',
      baseUrl: alpha.baseUrl,
      apiKey: ALPHA_KEY,
      models: [{ id: 'alpha-chat', inputUsdPerMillion: 1000, outputUsdPerMillion: 2000, contextWindow: 32_000 }],
      headers: { 'X-Title': 'Parley' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'alpha', hasApiKey: true, apiKeyHint: '6789' });
    const id = created.body['id'] as string;

    const responses = [created, await admin.get(`/providers/${id}`), await admin.get('/providers')];
    for (const response of responses) expect(JSON.stringify(response.body)).not.toContain('alpha-provider-secret');

    const [row] = await prisma.$queryRaw<Array<{ api_key_ciphertext: string }>>`SELECT api_key_ciphertext FROM providers WHERE id = ${id}::uuid`;
    expect(row?.api_key_ciphertext).toMatch(/^v1:[0-9a-f]{8}:/);
    expect(row?.api_key_ciphertext).not.toContain('alpha-provider-secret');

    const duplicate = await admin.post<{ error: { code: string } }>('/providers', { name: 'alpha', baseUrl: alpha.baseUrl, models: [{ id: 'x' }] });
    expect(duplicate.status).toBe(409);

    const test = await admin.post<{ ok: boolean; models: string[] }>(`/providers/${id}/test`);
    expect(test.body.ok).toBe(true);
    expect(test.body.models).toContain('gpt-4o-mini');

    await admin.post('/users', { email: `agent-${Date.now()}@example.test`, name: 'Agent', password: 'a long password', role: 'agent' });
    const agentEmail = `agent2-${Date.now()}@example.test`;
    await admin.post('/users', { email: agentEmail, name: 'Agent Two', password: 'a long password', role: 'agent' });
    const agent = await login(http, agentEmail, 'a long password');
    expect((await agent.get('/providers')).status).toBe(403);
    expect((await agent.post('/providers', { name: 'x', baseUrl: alpha.baseUrl, models: [{ id: 'x' }] })).status).toBe(403);
  });

  it('refuses a persona chain that names a missing model or provider, naming the field', async () => {
    const badModel = await admin.post<{ error: { code: string; message: string } }>('/personas', {
      name: 'Bad',
      instructions: 'x',
      model: 'alpha/no-such-model',
    });
    expect(badModel.status).toBe(400);
    expect(badModel.body.error.message).toMatch(/^model: .*no-such-model/);

    const badProvider = await admin.post<{ error: { message: string } }>('/personas', {
      name: 'Bad',
      instructions: 'x',
      model: 'alpha/alpha-chat',
      fallbackModels: ['nowhere/llama3'],
    });
    expect(badProvider.status).toBe(400);
    expect(badProvider.body.error.message).toMatch(/^fallbackModels\.0: .*nowhere/);
  });

  it('sends the persona, the articles as delimited reference data, the decrypted key and extra headers', async () => {
    await admin.post('/knowledge/articles', { title: 'Invoice downloads', body: 'Invoices can be downloaded as PDF under Settings, Billing.' });
    const { inboxKey } = await botWith(admin, 'alpha/alpha-chat', [], 'Always sign as Max from Acme.');
    alpha.enqueue(mockReply.text('Under Settings, Billing. Max from Acme'));
    const visitor = await newVisitor(inboxKey);
    await ask(visitor, 'How do I download my invoice as PDF?');

    const request = requestsFor(alpha, 'alpha-chat')[0];
    expect(request).toBeDefined();
    const system = String(request!.body.messages[0]?.content);
    expect(system).toContain('Always sign as Max from Acme.');
    expect(system).toMatch(/<reference id="1" title="Invoice downloads">\nInvoices can be downloaded as PDF/);
    expect(system.indexOf('Always sign as Max')).toBeLessThan(system.indexOf('<reference id='));
    expect(request!.headers.authorization).toBe(`Bearer ${ALPHA_KEY}`);
    expect(request!.headers['x-title']).toBe('Parley');
  });

  it('falls back to the next model on a 500 and on a first token that comes too late', async () => {
    await createProvider(admin, 'beta', beta, [{ id: 'beta-chat' }, { id: 'beta-slow' }, { id: 'beta-500' }]);
    beta.setDefaultReply((request) =>
      request.body.model === 'beta-500'
        ? mockReply.error(500, { message: 'overloaded' })
        : request.body.model === 'beta-slow'
          ? mockReply.text('too late', { firstTokenDelayMs: 3_000 })
          : mockReply.text('Answer from beta-chat.'),
    );

    const on500 = await botWith(admin, 'beta/beta-500', ['beta/beta-chat']);
    const reply500 = await ask(await newVisitor(on500.inboxKey), 'Where are my invoices?');
    expect(reply500.text).toBe('Answer from beta-chat.');
    expect(requestsFor(beta, 'beta-500')).toHaveLength(1);

    const slow = await botWith(admin, 'beta/beta-slow', ['beta/beta-chat']);
    const replySlow = await ask(await newVisitor(slow.inboxKey), 'Where are my invoices?');
    expect(replySlow.text).toBe('Answer from beta-chat.');
    expect(requestsFor(beta, 'beta-slow')).toHaveLength(1);
  });

  it('on a stream cut mid-way, discards the partial reply and delivers exactly one complete reply', async () => {
    await createProvider(admin, 'gamma', alpha, [{ id: 'gamma-cut', inputUsdPerMillion: 1000, outputUsdPerMillion: 1000 }]);
    await createProvider(admin, 'delta', beta, [{ id: 'delta-chat', inputUsdPerMillion: 1000, outputUsdPerMillion: 1000 }]);
    alpha.setDefaultReply(mockReply.cut('Invoices are in the Billing sec', 3));
    beta.setDefaultReply(mockReply.text('Invoices are in the Billing section.'));
    const { inboxKey } = await botWith(admin, 'gamma/gamma-cut', ['delta/delta-chat']);
    const visitor = await newVisitor(inboxKey);
    const reply = await ask(visitor, 'Where are my invoices?');

    expect(reply.text).toBe('Invoices are in the Billing section.');
    const deltas = visitor.events.all<MessageDelta>('message:delta');
    const discards = visitor.events.all<MessageDiscard>('message:discard');
    const partialIds = [...new Set(deltas.map((delta) => delta.messageId))].filter((id) => id !== reply.id);
    expect(partialIds).toHaveLength(1);
    expect(discards.map((discard) => discard.messageId)).toEqual(partialIds);
    expect(deltas.filter((delta) => delta.messageId === reply.id).map((delta) => delta.delta).join('')).toBe(reply.text);

    await waitForQueueIdle(parley.jobs.queue);
    const detail = await admin.get<{ messages: MessageView[] }>(`/conversations/${reply.conversationId}`);
    expect(detail.body.messages.filter((message) => message.role === 'bot')).toHaveLength(1);

    // The dropped reply's tokens were spent too: a ledger row of its own, estimated, with no message.
    const calls = await prisma.llmUsage.findMany({ where: { conversationId: reply.conversationId }, orderBy: { createdAt: 'asc' } });
    expect(calls.map((call) => [call.provider, call.model, call.messageId])).toEqual(
      expect.arrayContaining([
        ['gamma', 'gamma-cut', null],
        ['delta', 'delta-chat', reply.id],
      ]),
    );
    const cut = calls.find((call) => call.model === 'gamma-cut')!;
    expect(cut.estimated).toBe(true);
    expect(cut.completionTokens).toBeGreaterThan(0);
    expect(cut.costUsd.toNumber()).toBeGreaterThan(0);
    const conversation = await prisma.conversation.findUniqueOrThrow({ where: { id: reply.conversationId } });
    const total = calls.reduce((sum, call) => sum + call.costUsd.toNumber(), 0);
    expect(conversation.totalCostUsd.toNumber()).toBeCloseTo(total, 6);
    expect(conversation.botTurns).toBe(1);
  });

  it('opens the circuit after repeated failures: the next turn skips the provider without calling it', async () => {
    await createProvider(admin, 'flaky', alpha, [{ id: 'flaky-chat' }]);
    await createProvider(admin, 'steady', beta, [{ id: 'steady-chat' }]);
    alpha.setDefaultReply(mockReply.error(503, { message: 'down' }));
    beta.setDefaultReply(mockReply.text('Steady answer.'));
    const { inboxKey } = await botWith(admin, 'flaky/flaky-chat', ['steady/steady-chat']);
    const visitor = await newVisitor(inboxKey);

    expect((await ask(visitor, 'First question?')).text).toBe('Steady answer.');
    expect((await ask(visitor, 'Second question?')).text).toBe('Steady answer.');
    expect(requestsFor(alpha, 'flaky-chat')).toHaveLength(2);

    expect((await ask(visitor, 'Third question?')).text).toBe('Steady answer.');
    expect(requestsFor(alpha, 'flaky-chat')).toHaveLength(2);
    expect(requestsFor(beta, 'steady-chat')).toHaveLength(3);
  });

  it('adds up token costs per message, per conversation and per persona', async () => {
    const { inboxKey, personaId } = await botWith(admin, 'alpha/alpha-chat');
    alpha.setDefaultReply(mockReply.text('A priced answer about invoices.'));
    const visitor = await newVisitor(inboxKey);
    const first = await ask(visitor, 'What does an invoice contain?');
    await ask(visitor, 'And when is it sent?');
    await waitForQueueIdle(parley.jobs.queue);

    const detail = await admin.get<{ messages: MessageView[] }>(`/conversations/${first.conversationId}`);
    const bots = detail.body.messages.filter((message) => message.role === 'bot');
    expect(bots).toHaveLength(2);
    const costs = bots.map((message) => {
      const usage = message.usage!;
      expect(usage.costUsd).toBeCloseTo((usage.promptTokens * 1000 + usage.completionTokens * 2000) / 1_000_000, 6);
      return usage.costUsd;
    });
    const total = costs[0]! + costs[1]!;
    expect(total).toBeGreaterThan(0);

    const conversation = await prisma.conversation.findUniqueOrThrow({ where: { id: first.conversationId } });
    expect(conversation.totalCostUsd.toNumber()).toBeCloseTo(total, 6);

    const usage = await admin.get<{ byPersona: Array<{ personaId: string; calls: number; costUsd: number }> }>('/usage');
    expect(usage.status).toBe(200);
    const line = usage.body.byPersona.find((entry) => entry.personaId === personaId);
    expect(line).toMatchObject({ calls: 2 });
    expect(line!.costUsd).toBeCloseTo(total, 6);

    expect((await admin.get('/usage?month=2026-13')).status).toBe(400);
  });

  it('switches to knowledge-base mode when the monthly budget is reached, tells admins once, and again after a raise', async () => {
    const org = await createOrganization(parley);
    const owner = await login(http, org.email, org.password);
    const staffSocket = await connect(parley.url, '/agent', owner.token ?? '');
    sockets.push(staffSocket);
    const staffEvents = new EventRecorder(staffSocket);
    await createProvider(owner, 'priced', alpha, [{ id: 'priced-chat', inputUsdPerMillion: 1000, outputUsdPerMillion: 1000 }]);
    await owner.post('/knowledge/articles', { title: 'Opening hours', body: 'The shop opens at nine and closes at five on weekdays.' });
    const { inboxKey } = await botWith(owner, 'priced/priced-chat');
    const budget = await owner.request<{ monthlyBudgetUsd: number }>('PATCH', '/organization', { monthlyBudgetUsd: 0.001 });
    expect(budget.body.monthlyBudgetUsd).toBe(0.001);

    alpha.setDefaultReply(mockReply.text('We open at nine.'));
    const visitor = await newVisitor(inboxKey);
    expect((await ask(visitor, 'When does the shop open?')).text).toBe('We open at nine.');
    const told = await staffEvents.waitFor<{ month: string; monthlyBudgetUsd: number; spentUsd: number }>('organization:budget_reached');
    expect(told.monthlyBudgetUsd).toBe(0.001);
    expect(told.spentUsd).toBeGreaterThanOrEqual(0.001);

    const kbReply = await ask(visitor, 'What are the opening hours on weekdays?');
    expect(kbReply.text).toContain('nine');
    expect(requestsFor(alpha, 'priced-chat')).toHaveLength(1);
    await waitForQueueIdle(parley.jobs.queue);
    expect(staffEvents.all('organization:budget_reached')).toHaveLength(1);

    const usage = await owner.get<{ budgetReached: boolean; totals: { calls: number } }>('/usage');
    expect(usage.body).toMatchObject({ budgetReached: true, totals: { calls: 1 } });
    const audit = await prisma.auditLog.count({ where: { orgId: org.orgId, action: 'organization.budget_reached' } });
    expect(audit).toBe(1);

    // Raised above the spend: the LLM answers again, and reaching the new budget tells admins again.
    const spent = (await owner.get<{ monthToDateUsd: number }>('/organization')).body.monthToDateUsd;
    const raised = await owner.request<{ budgetReached: boolean }>('PATCH', '/organization', { monthlyBudgetUsd: spent + 0.0005 });
    expect(raised.body.budgetReached).toBe(false);
    expect((await ask(visitor, 'And on Saturdays?')).text).toBe('We open at nine.');
    expect(requestsFor(alpha, 'priced-chat')).toHaveLength(2);
    const toldAgain = await staffEvents.waitFor<{ monthlyBudgetUsd: number }>(
      'organization:budget_reached',
      (event) => event.monthlyBudgetUsd > 0.001,
    );
    expect(toldAgain.monthlyBudgetUsd).toBeCloseTo(spent + 0.0005, 6);
    expect(staffEvents.all('organization:budget_reached')).toHaveLength(2);

    // Lowered, or raised to a budget still under the spend: nothing is re-armed.
    const lowered = await owner.request<{ budgetReached: boolean }>('PATCH', '/organization', { monthlyBudgetUsd: 0.0001 });
    expect(lowered.body.budgetReached).toBe(true);
  });
});
