// With no LLM configured, the bot answers from the best-matching article, or says honestly that
// it has no answer and brings in a person. It never pretends to be an LLM.
import type { ConversationView, MessageView } from '@parley/contracts';
import { EventRecorder } from '@parley/testing';
import type { Socket } from 'socket.io-client';
import { bootParley, connect, createOrganization, emitWithAck, Http, login, type Parley } from './support/parley';

const ORIGIN = 'https://help.example';

describe('knowledge-base mode (no OPENAI_API_KEY)', () => {
  let parley: Parley;
  let admin: Http;
  let visitor: Socket;
  let events: EventRecorder;
  let agentEvents: EventRecorder;
  let shippingId: string;
  let inboxKey: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    parley = await bootParley();
    const http = new Http(parley.url);
    const org = await createOrganization(parley);
    admin = await login(http, org.email, org.password);
    const persona = await admin.post<{ id: string }>('/personas', { name: 'Kit', instructions: 'Help with billing.' });
    await admin.post('/knowledge/articles', {
      title: 'Changing your billing address',
      body:
        'Open Settings and choose Billing.\n\nTo change your billing address, click Edit next to the address, type the new one and press Save. Invoices issued afterwards use the new address.',
      url: 'https://help.example/billing-address',
    });
    shippingId = (await admin.post<{ id: string }>('/knowledge/articles', {
      title: 'Shipping times',
      body: 'Orders ship within two business days. Express delivery arrives the next day.',
    })).body.id;
    const inbox = await admin.post<{ publicKey: string }>('/inboxes', {
      name: 'Help',
      personaId: persona.body.id,
      allowedOrigins: [ORIGIN],
    });
    inboxKey = inbox.body.publicKey;
    const session = await http.post<{ visitorToken: string }>('/widget/session', { inboxKey }, { origin: ORIGIN });
    visitor = await connect(parley.url, '/widget', session.body.visitorToken, ORIGIN);
    sockets.push(visitor);
    events = new EventRecorder(visitor);
    const agent = await connect(parley.url, '/agent', admin.token ?? '');
    sockets.push(agent);
    agentEvents = new EventRecorder(agent);
  });

  afterAll(async () => {
    sockets.forEach((socket) => socket.disconnect());
    await parley?.close();
  });

  it('answers from the best-matching article and cites it', async () => {
    await emitWithAck(visitor, 'message:send', { clientMessageId: 'k-1', text: 'How can I change my billing address?' });
    const reply = await events.waitFor<{ message: MessageView }>('message:new', (event) => event.message.role === 'bot');
    expect(reply.message.text).toContain('click Edit next to the address');
    expect(reply.message.text).not.toContain('Shipping');
    expect(reply.message.citations).toEqual([
      expect.objectContaining({ title: 'Changing your billing address', url: 'https://help.example/billing-address' }),
    ]);
    expect(events.all('conversation:status')).toEqual([]);
  });

  it('answers from an article’s new text as soon as it is edited', async () => {
    const edited = await admin.request('PATCH', `/knowledge/articles/${shippingId}`, {
      body: 'Orders ship within three business days. Same-day courier delivery is available in Paris.',
    });
    expect(edited.status).toBe(200);
    await emitWithAck(visitor, 'message:send', { clientMessageId: 'k-edit', text: 'Is courier delivery available in Paris?' });
    const reply = await events.waitFor<{ message: MessageView }>(
      'message:new',
      (event) => event.message.role === 'bot' && event.message.text.includes('Paris'),
    );
    expect(reply.message.text).toContain('Same-day courier delivery is available in Paris.');
    expect(reply.message.citations).toEqual([expect.objectContaining({ title: 'Shipping times' })]);
  });

  it('says it has no answer and hands over to a person when no article fits', async () => {
    await emitWithAck(visitor, 'message:send', { clientMessageId: 'k-2', text: 'Do you sell gift cards for birthdays?' });
    const status = await events.waitFor<{ status: string }>('conversation:status', (event) => event.status === 'waiting');
    expect(status.status).toBe('waiting');
    const bot = events.all<{ message: MessageView }>('message:new').filter((event) => event.message.role === 'bot');
    expect(bot.at(-1)?.message.text).toMatch(/couldn't find an answer/i);

    const escalated = await agentEvents.waitFor<{ conversation: ConversationView }>('conversation:escalated');
    expect(escalated.conversation.escalation).toMatchObject({ source: 'unanswered' });
  });

  it('hands a question about the visitor\u2019s own order to a person instead of quoting an article', async () => {
    const session = await new Http(parley.url).post<{ visitorToken: string }>('/widget/session', { inboxKey }, { origin: ORIGIN });
    const asking = await connect(parley.url, '/widget', session.body.visitorToken, ORIGIN);
    sockets.push(asking);
    const recorded = new EventRecorder(asking);
    await emitWithAck(asking, 'message:send', { clientMessageId: 'k-own', text: 'Has the billing address on my order 4512 been changed yet?' });
    const reply = await recorded.waitFor<{ message: MessageView }>('message:new', (event) => event.message.role === 'bot');
    expect(reply.message.text).toBe('A person from our team needs to look at that for you.');
    expect(reply.message.citations ?? []).toEqual([]);
    const status = await recorded.waitFor<{ status: string }>('conversation:status', (event) => event.status === 'waiting');
    expect(status.status).toBe('waiting');
  });
});
