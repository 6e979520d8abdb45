// A visitor's messages through the real API, Postgres and Redis (no worker: only what the ack
// promises is checked): the API remembers the visitor's conversation after the first message, and
// a message to a resolved conversation still reopens it for the bot.
import type { INestApplication } from '@nestjs/common';
import type { ConversationView, MessageView } from '@parley/contracts';
import { StaffRepository } from '@parley/data';
import * as argon2 from 'argon2';
import { randomBytes, randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { loadApiConfig } from '../api-config';
import { createApiApp, listen } from '../create-api-app';

const ORIGIN = 'https://shop.example';
type SendAck = { ok: true; message: MessageView } | { ok: false; error: { code: string } };

describe('a visitor writing again (widget message:send)', () => {
  let api: INestApplication;
  let url: string;
  let token: string;
  let socket: Socket | undefined;

  async function call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const response = await fetch(`${url}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await response.json()) as T;
  }

  beforeAll(async () => {
    api = await createApiApp(
      loadApiConfig({
        DATABASE_URL: process.env.DATABASE_URL,
        REDIS_URL: process.env.REDIS_URL,
        REDIS_PREFIX: `${process.env.REDIS_PREFIX}-${randomBytes(3).toString('hex')}`,
        PORT: '0',
      }),
      { logger: false },
    );
    url = await listen(api, 0);
    const email = `admin-${randomUUID()}@example.test`;
    await api.get(StaffRepository).createOrganizationWithAdmin('Acme', { email, name: 'Ada', passwordHash: await argon2.hash('pw-123456') });
    token = (await call<{ accessToken: string }>('POST', '/auth/login', { email, password: 'pw-123456' })).accessToken;
  });

  afterAll(async () => {
    socket?.disconnect();
    await api?.close();
  });

  it('keeps one conversation, and reopens it for the bot after it was resolved', async () => {
    const persona = await call<{ id: string }>('POST', '/personas', { name: 'Sam', instructions: 'Be brief.' });
    const inbox = await call<{ publicKey: string }>('POST', '/inboxes', { name: 'Shop', personaId: persona.id, allowedOrigins: [ORIGIN] });
    const session = await call<{ visitorToken: string }>('POST', '/widget/session', { inboxKey: inbox.publicKey }, { origin: ORIGIN });
    const widget = io(`${url}/widget`, { auth: { token: session.visitorToken }, transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { origin: ORIGIN } });
    socket = widget;
    await new Promise((resolve, reject) => widget.once('connect', () => resolve(undefined)).once('connect_error', reject));
    const send = (clientMessageId: string, text: string) =>
      widget.timeout(10_000).emitWithAck('message:send', { clientMessageId, text }) as Promise<SendAck>;

    const first = await send('w-1', 'Where is my parcel?');
    const second = await send('w-2', 'And when will it arrive?');
    if (!first.ok || !second.ok) throw new Error('a send was refused');
    const conversationId = first.message.conversationId;
    expect(second.message.conversationId).toBe(conversationId);
    expect(second.message.seq).toBe(first.message.seq + 1);

    expect((await call<ConversationView>('POST', `/conversations/${conversationId}/resolve`)).status).toBe('resolved');
    const third = await send('w-3', 'One more thing about the parcel');
    expect(third).toMatchObject({ ok: true, message: { conversationId } });
    expect((await call<ConversationView>('GET', `/conversations/${conversationId}`)).status).toBe('bot');
  });
});
