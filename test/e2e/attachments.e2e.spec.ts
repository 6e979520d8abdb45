// Image attachments through the public contract: a visitor uploads (type read from the bytes,
// size-capped), sends the upload with a message, both sides see it, only staff and its owner can
// download it, and the bot turn hands it to a vision model as an image part (a text-only model
// gets a note instead), against the mock OpenAI-compatible server.
import type { AttachmentView, MessageView } from '@parley/contracts';
import { PrismaClient } from '@parley/data';
import { EventRecorder, startMockOpenAI, type MockOpenAI } from '@parley/testing';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Socket } from 'socket.io-client';
import { UnsentUploadSweep } from '../../apps/worker/src/attachments/unsent-upload-sweep';
import { bootParley, connect, createOrganization, emitWithAck, Http, login, type Parley } from './support/parley';

const ORIGIN = 'https://shop.example';
const MAX_BYTES = 100_000;
// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

interface Visitor {
  token: string;
  socket: Socket;
  events: EventRecorder;
}

type Ack<T> = { ok: true } & T;
type Failure = { ok: false; error: { code: string; message: string } };

describe('attachments (end to end)', () => {
  let llm: MockOpenAI;
  let parley: Parley;
  let uploadDir: string;
  let http: Http;
  let admin: Http;
  let visionInboxKey: string;
  let textOnlyInboxKey: string;
  const sockets: Socket[] = [];

  async function newVisitor(inboxKey = visionInboxKey): Promise<Visitor> {
    const session = await http.post<{ visitorToken: string }>('/widget/session', { inboxKey }, { origin: ORIGIN });
    if (!session.body.visitorToken) throw new Error(`session: ${session.status} ${JSON.stringify(session.body)}`);
    const socket = await connect(parley.url, '/widget', session.body.visitorToken, ORIGIN);
    sockets.push(socket);
    return { token: session.body.visitorToken, socket, events: new EventRecorder(socket) };
  }

  function upload(token: string | undefined, bytes: Buffer, options: { name?: string; type?: string; origin?: string } = {}) {
    return fetch(`${parley.url}/api/v1/widget/uploads?name=${encodeURIComponent(options.name ?? 'photo.png')}`, {
      method: 'POST',
      headers: {
        'content-type': options.type ?? 'image/png',
        origin: options.origin ?? ORIGIN,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: bytes,
    });
  }

  async function uploadPng(visitor: Visitor, name = 'photo.png'): Promise<AttachmentView> {
    const response = await upload(visitor.token, PNG, { name });
    expect(response.status).toBe(201);
    return (await response.json()) as AttachmentView;
  }

  function download(url: string, token?: string, headers: Record<string, string> = {}) {
    return fetch(`${parley.url}${url}`, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });
  }

  function send(visitor: Visitor, payload: Record<string, unknown>) {
    return emitWithAck<Ack<{ message: MessageView }> | Failure>(visitor.socket, 'message:send', {
      clientMessageId: `${Date.now()}-${Math.random()}`,
      ...payload,
    });
  }

  beforeAll(async () => {
    uploadDir = await mkdtemp(path.join(tmpdir(), 'parley-uploads-'));
    llm = await startMockOpenAI();
    parley = await bootParley({
      llmBaseUrl: llm.baseUrl,
      env: { UPLOAD_DIR: uploadDir, UPLOAD_MAX_BYTES: String(MAX_BYTES) },
    });
    http = new Http(parley.url);
    const org = await createOrganization(parley);
    admin = await login(http, org.email, org.password);
    const vision = await admin.post<{ id: string }>('/personas', { name: 'Vera', instructions: 'Help with orders.', model: 'gpt-4o-mini' });
    const textOnly = await admin.post<{ id: string }>('/personas', { name: 'Tex', instructions: 'Help with orders.', model: 'text-only-model' });
    const inboxes = await Promise.all(
      [vision.body.id, textOnly.body.id].map((personaId) =>
        admin.post<{ publicKey: string }>('/inboxes', { name: 'Shop', personaId, allowedOrigins: [ORIGIN] }),
      ),
    );
    visionInboxKey = inboxes[0]!.body.publicKey;
    textOnlyInboxKey = inboxes[1]!.body.publicKey;
  });

  afterEach(() => llm.reset());

  afterAll(async () => {
    sockets.forEach((socket) => socket.disconnect());
    await parley?.close();
    await llm?.close();
    await rm(uploadDir, { recursive: true, force: true });
  });

  describe('upload', () => {
    it('stores a PNG and describes it', async () => {
      const visitor = await newVisitor();
      const attachment = await uploadPng(visitor, 'My photo.png');
      expect(attachment).toEqual({
        id: expect.any(String),
        name: 'My photo.png',
        contentType: 'image/png',
        size: PNG.length,
        url: `/api/v1/attachments/${attachment.id}`,
      });
      // Stored under an unguessable key, not under the file's name or id.
      const [orgDir] = await readdir(uploadDir);
      const files = await readdir(path.join(uploadDir, orgDir!));
      expect(files.some((file) => file.includes('photo') || file.includes(attachment.id))).toBe(false);
    });

    it('reads the type from the bytes: text named .png and declared image/png is 415', async () => {
      const visitor = await newVisitor();
      const response = await upload(visitor.token, Buffer.from('just some text, not a picture\n'), { name: 'fake.png' });
      expect(response.status).toBe(415);
      expect(await response.json()).toEqual({ error: { code: 'unsupported_media_type', message: expect.stringContaining('PNG') } });
    });

    it('refuses a file over UPLOAD_MAX_BYTES with 413', async () => {
      const visitor = await newVisitor();
      const big = Buffer.concat([PNG, Buffer.alloc(MAX_BYTES)]);
      const response = await upload(visitor.token, big);
      expect(response.status).toBe(413);
      expect(await response.json()).toEqual({ error: { code: 'payload_too_large', message: expect.stringContaining(String(MAX_BYTES)) } });
    });

    it('needs the visitor token and an allowed origin', async () => {
      expect((await upload(undefined, PNG)).status).toBe(401);
      expect((await upload('not-a-token', PNG)).status).toBe(401);
      const visitor = await newVisitor();
      const foreign = await upload(visitor.token, PNG, { origin: 'https://evil.example' });
      expect(foreign.status).toBe(403);
    });
  });

  describe('sending and seeing', () => {
    it('sends an image without text; the visitor (ack, sync) and agents (live, REST) see it', async () => {
      const agentSocket = await connect(parley.url, '/agent', admin.token ?? '');
      sockets.push(agentSocket);
      const agentEvents = new EventRecorder(agentSocket);
      const visitor = await newVisitor();
      const attachment = await uploadPng(visitor);

      const ack = await send(visitor, { attachments: [{ id: attachment.id }] });
      if (!ack.ok) throw new Error(JSON.stringify(ack));
      expect(ack.message.text).toBe('');
      expect(ack.message.attachments).toEqual([attachment]);

      const sync = await emitWithAck<Ack<{ messages: MessageView[] }>>(visitor.socket, 'conversation:sync', {
        conversationId: ack.message.conversationId,
        afterSeq: 0,
      });
      expect(sync.messages.find((message) => message.id === ack.message.id)?.attachments).toEqual([attachment]);

      const live = await agentEvents.waitFor<{ message: MessageView }>('message:new', (event) => event.message.id === ack.message.id);
      expect(live.message.attachments).toEqual([attachment]);
      const conversation = await admin.get<{ messages: MessageView[] }>(`/conversations/${ack.message.conversationId}`);
      expect(conversation.body.messages.find((message) => message.id === ack.message.id)?.attachments).toEqual([attachment]);
    });

    it('keeps one message when the same send is repeated, and refuses to send an upload twice', async () => {
      const visitor = await newVisitor();
      const attachment = await uploadPng(visitor);
      const payload = { clientMessageId: `retry-${Date.now()}`, text: 'Look', attachments: [{ id: attachment.id }] };
      const first = await send(visitor, payload);
      const again = await send(visitor, payload);
      if (!first.ok || !again.ok) throw new Error(JSON.stringify([first, again]));
      expect(again.message.id).toBe(first.message.id);
      expect(again.message.attachments).toEqual([attachment]);

      const other = await send(visitor, { text: 'And again', attachments: [{ id: attachment.id }] });
      expect(other).toEqual({ ok: false, error: expect.objectContaining({ code: 'attachment_already_sent' }) });
    });

    it('refuses another visitor\u2019s upload with 404, and a message with neither text nor attachment', async () => {
      const owner = await newVisitor();
      const attachment = await uploadPng(owner);
      const thief = await newVisitor();
      expect(await send(thief, { text: 'mine now', attachments: [{ id: attachment.id }] })).toEqual({
        ok: false,
        error: expect.objectContaining({ code: 'not_found' }),
      });
      expect(await send(thief, { text: '  ' })).toEqual({
        ok: false,
        error: expect.objectContaining({ code: 'invalid_input', message: expect.stringContaining('text') }),
      });
    });
  });

  describe('download', () => {
    it('serves the file to its owner and to staff, with its type and no sniffing; to nobody else', async () => {
      const owner = await newVisitor();
      const attachment = await uploadPng(owner, 'receipt.png');

      const asOwner = await download(attachment.url, owner.token, { origin: ORIGIN });
      expect(asOwner.status).toBe(200);
      expect(asOwner.headers.get('content-type')).toBe('image/png');
      expect(asOwner.headers.get('x-content-type-options')).toBe('nosniff');
      expect(asOwner.headers.get('content-disposition')).toContain('filename="receipt.png"');
      expect(Buffer.from(await asOwner.arrayBuffer())).toEqual(PNG);

      const asStaff = await download(attachment.url, admin.token);
      expect(asStaff.status).toBe(200);
      expect(Buffer.from(await asStaff.arrayBuffer())).toEqual(PNG);

      expect((await download(attachment.url)).status).toBe(401);
      const stranger = await newVisitor();
      expect((await download(attachment.url, stranger.token)).status).toBe(404);
      expect((await download(attachment.url, owner.token, { origin: 'https://evil.example' })).status).toBe(403);

      const otherOrg = await createOrganization(parley);
      const otherAdmin = await login(http, otherOrg.email, otherOrg.password);
      expect((await download(attachment.url, otherAdmin.token)).status).toBe(404);
      expect((await download('/api/v1/attachments/not-a-uuid', admin.token)).status).toBe(404);
    });
  });

  describe('bot turn', () => {
    const dataUrl = `data:image/png;base64,${PNG.toString('base64')}`;

    it('sends the image to a vision model as an image part of the visitor\u2019s message', async () => {
      const visitor = await newVisitor(visionInboxKey);
      const attachment = await uploadPng(visitor, 'broken-screen.png');
      const ack = await send(visitor, { text: 'My screen looks like this', attachments: [{ id: attachment.id }] });
      expect(ack.ok).toBe(true);
      await visitor.events.waitFor<{ message: MessageView }>('message:new', (event) => event.message.role === 'bot');

      const request = llm.requests.at(-1)!;
      expect(request.body.model).toBe('gpt-4o-mini');
      const last = request.body.messages.at(-1)!;
      expect(last.role).toBe('user');
      expect(last.content).toEqual([
        { type: 'text', text: expect.stringContaining('My screen looks like this') },
        { type: 'image_url', image_url: { url: dataUrl } },
      ]);
    });

    it('tells a text-only model that an image was attached, without sending it', async () => {
      const visitor = await newVisitor(textOnlyInboxKey);
      const attachment = await uploadPng(visitor, 'broken-screen.png');
      await send(visitor, { attachments: [{ id: attachment.id }] });
      await visitor.events.waitFor<{ message: MessageView }>('message:new', (event) => event.message.role === 'bot');

      const request = llm.requests.at(-1)!;
      expect(request.body.model).toBe('text-only-model');
      expect(request.body.messages.at(-1)).toEqual({
        role: 'user',
        content: '[The visitor attached an image: broken-screen.png]',
      });
      expect(JSON.stringify(request.body)).not.toContain('image_url');
    });
  });

  describe('uploads never sent', () => {
    it('are deleted, row and file, once older than UNSENT_UPLOAD_TTL_HOURS; sent ones and fresh ones stay', async () => {
      const prisma = parley.api.get(PrismaClient);
      const visitor = await newVisitor();
      const abandoned = await uploadPng(visitor, 'abandoned.png');
      const sentOld = await uploadPng(visitor, 'sent.png');
      const fresh = await uploadPng(visitor, 'fresh.png');
      const ack = await send(visitor, { attachments: [{ id: sentOld.id }] });
      expect(ack.ok).toBe(true);
      // Two days ago: past the default 24 hours.
      await prisma.$executeRaw`UPDATE attachments SET created_at = now() - interval '2 days' WHERE id IN (${abandoned.id}::uuid, ${sentOld.id}::uuid)`;
      const { storageKey } = await prisma.attachment.findUniqueOrThrow({ where: { id: abandoned.id } });
      await expect(stat(path.join(uploadDir, storageKey))).resolves.toBeDefined();

      expect(await parley.worker.get(UnsentUploadSweep).sweep()).toBe(1);

      expect((await download(abandoned.url, admin.token)).status).toBe(404);
      await expect(stat(path.join(uploadDir, storageKey))).rejects.toThrow();
      expect((await download(sentOld.url, admin.token)).status).toBe(200);
      expect((await download(fresh.url, admin.token)).status).toBe(200);
      expect(await parley.worker.get(UnsentUploadSweep).sweep()).toBe(0);
    });
  });
});
