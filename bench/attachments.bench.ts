// `npm run bench:attachments`: what images cost a visitor. The API and the worker run in this
// process over the real Postgres and Redis; the LLM is the mock OpenAI-compatible server,
// answering instantly.
//
//   upload       POST /widget/uploads of a PNG → its 201 (read, sniffed, written to disk, recorded)
//   first token  message:send with one image → the first message:delta of the reply, for a vision
//                model (the image is read and sent as a base64 data URL) and a text-only one
import 'reflect-metadata';
import { applyMigrations, ensureDatabase, StaffRepository } from '@parley/data';
import { mockReply, startMockOpenAI } from '@parley/testing';
import * as argon2 from 'argon2';
import * as hdr from 'hdr-histogram-js';
import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { crc32, deflateSync } from 'node:zlib';
import { Client } from 'pg';
import { bootParley, connect, emitWithAck, Http, login } from '../test/e2e/support/parley';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const WARMUP = 3;
const ORIGIN = 'https://bench.example';
const SERVER = process.env.BENCH_DATABASE_SERVER ?? 'postgresql://postgres@127.0.0.1:5432';
const DATABASE = `parley_bench_att_${process.pid}`;

/** A PNG of noise (so it does not compress) of about `bytes` bytes. */
function noisePng(bytes: number): Buffer {
  const width = 512;
  const height = Math.max(1, Math.round(bytes / (width * 3)));
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) rows.push(Buffer.concat([Buffer.from([0]), randomBytes(width * 3)]));
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type), data])));
    return Buffer.concat([head, Buffer.from(type), data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 1 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function histogram() {
  return hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: 3 });
}

function report(name: string, h: ReturnType<typeof histogram>): string {
  const ms = (us: number) => (us / 1000).toFixed(2).padStart(7);
  return `${name.padEnd(28)} p50 ${ms(h.getValueAtPercentile(50))} ms   p90 ${ms(h.getValueAtPercentile(90))} ms   max ${ms(h.maxValue)} ms   (n=${h.totalCount})`;
}

async function main(): Promise<void> {
  const databaseUrl = `${SERVER}/${DATABASE}`;
  await ensureDatabase(databaseUrl);
  await applyMigrations(databaseUrl);
  process.env.DATABASE_URL = databaseUrl;
  process.env.REDIS_PREFIX = `parley-bench-att-${process.pid}`;
  const uploadDir = await mkdtemp(path.join(tmpdir(), 'parley-bench-uploads-'));
  const llm = await startMockOpenAI({ defaultReply: mockReply.text('Thanks, I can see the problem.') });
  const parley = await bootParley({ llmBaseUrl: llm.baseUrl, env: { UPLOAD_DIR: uploadDir } });
  try {
    const http = new Http(parley.url);
    const email = `bench-${process.pid}@example.test`;
    await parley.api.get(StaffRepository).createOrganizationWithAdmin('Bench', {
      email,
      name: 'Bench',
      passwordHash: await argon2.hash('bench-password'),
    });
    const admin = await login(http, email, 'bench-password');
    const inboxKeys: Record<string, string> = {};
    for (const model of ['gpt-4o-mini', 'text-only-model']) {
      const persona = await admin.post<{ id: string }>('/personas', { name: 'Bench', instructions: 'Answer briefly.', model });
      const inbox = await admin.post<{ publicKey: string }>('/inboxes', { name: model, personaId: persona.body.id, allowedOrigins: [ORIGIN] });
      inboxKeys[model] = inbox.body.publicKey;
    }
    // Visitors are reused within the rate limits (30 sessions a minute per address, 20 uploads a minute per visitor).
    const pools: Record<string, { token: string; uploads: number }> = {};
    const visitorFor = async (inboxKey: string): Promise<string> => {
      const current = pools[inboxKey];
      if (current && current.uploads < 19) {
        current.uploads++;
        return current.token;
      }
      const session = await http.post<{ visitorToken: string }>('/widget/session', { inboxKey }, { origin: ORIGIN });
      if (session.status !== 200) throw new Error(`session failed: ${session.status}`);
      pools[inboxKey] = { token: session.body.visitorToken, uploads: 1 };
      return session.body.visitorToken;
    };
    const upload = async (token: string, png: Buffer) => {
      const response = await fetch(`${parley.url}/api/v1/widget/uploads?name=bench.png`, {
        method: 'POST',
        headers: { 'content-type': 'image/png', origin: ORIGIN, authorization: `Bearer ${token}` },
        body: png,
      });
      if (response.status !== 201) throw new Error(`upload failed: ${response.status} ${await response.text()}`);
      return (await response.json()) as { id: string };
    };

    console.log(`Attachments, ${RUNS} runs each after ${WARMUP} warm-up, instant mock LLM:`);
    for (const size of [100_000, 1_000_000, 5_000_000]) {
      const png = noisePng(size);
      const h = histogram();
      for (let i = 0; i < RUNS + WARMUP; i++) {
        const token = await visitorFor(inboxKeys['gpt-4o-mini']!);
        const start = performance.now();
        await upload(token, png);
        if (i >= WARMUP) h.recordValue(Math.round((performance.now() - start) * 1000));
      }
      console.log(report(`upload ${(png.length / 1e6).toFixed(1)} MB`, h));
    }

    const image = noisePng(1_000_000);
    for (const model of ['gpt-4o-mini', 'text-only-model']) {
      const h = histogram();
      for (let i = 0; i < RUNS + WARMUP; i++) {
        const token = await visitorFor(inboxKeys[model]!);
        const attachment = await upload(token, image);
        const socket = await connect(parley.url, '/widget', token, ORIGIN);
        // Index 0 only: a chunk of the previous reply to this visitor must not count.
        const firstDelta = new Promise<number>((resolve) =>
          socket.on('message:delta', (delta: { index: number }) => delta.index === 0 && resolve(performance.now())),
        );
        const start = performance.now();
        await emitWithAck(socket, 'message:send', { clientMessageId: `b-${model}-${i}`, text: 'Look', attachments: [{ id: attachment.id }] });
        const at = await firstDelta;
        socket.disconnect();
        if (i >= WARMUP) h.recordValue(Math.round((at - start) * 1000));
      }
      console.log(report(`first token, 1 MB image, ${model === 'gpt-4o-mini' ? 'vision' : 'text-only'}`, h));
    }
  } finally {
    await parley.close();
    await llm.close();
    await rm(uploadDir, { recursive: true, force: true });
    const client = new Client({ connectionString: `${SERVER}/postgres` });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await client.end();
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    const keys = await redis.keys(`${process.env.REDIS_PREFIX}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
