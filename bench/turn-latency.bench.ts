// `npm run bench`: the platform's own share of a bot reply's latency, measured end to end over
// real HTTP, socket.io, BullMQ, Postgres and Redis, with an OpenAI-compatible mock that answers
// instantly (so what is measured is Parley, not a model). The API and the worker run as their
// own processes, as `npm start` runs them; the visitors and the mock run in this one.
//
//   ack          message:send → its ack (the message is stored)
//   first token  message:send → the first message:delta of the bot's reply
//   stored       the last delta → message:new of the complete reply
import 'reflect-metadata';
import { applyMigrations, createPrismaClient, ensureDatabase, StaffRepository } from '@parley/data';
import { mockReply, startMockOpenAI } from '@parley/testing';
import * as hdr from 'hdr-histogram-js';
import { performance } from 'node:perf_hooks';
import * as argon2 from 'argon2';
import { fork, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import { connect, emitWithAck, Http, login } from '../test/e2e/support/parley';

const VISITORS = Number(process.env.BENCH_VISITORS ?? 30);
const MESSAGES_PER_VISITOR = Number(process.env.BENCH_MESSAGES ?? 10);
const WARMUP = 20;
const ORIGIN = 'https://bench.example';
const SERVER = process.env.BENCH_DATABASE_SERVER ?? 'postgresql://postgres@127.0.0.1:5432';
const DATABASE = `parley_bench_${process.pid}`;
// A directory: the API and the worker write CPU profiles there (`--cpu-prof`), for Chrome DevTools.
const CPU_PROFILE_DIR = process.env.BENCH_CPU_PROF;

function histogram() {
  return hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: 3 });
}

function report(name: string, h: ReturnType<typeof histogram>): string {
  const ms = (us: number) => (us / 1000).toFixed(2).padStart(7);
  return `${name.padEnd(12)} p50 ${ms(h.getValueAtPercentile(50))} ms   p90 ${ms(h.getValueAtPercentile(90))} ms   p99 ${ms(
    h.getValueAtPercentile(99),
  )} ms   max ${ms(h.maxValue)} ms   (n=${h.totalCount})`;
}

async function main(): Promise<void> {
  const databaseUrl = `${SERVER}/${DATABASE}`;
  await ensureDatabase(databaseUrl);
  await applyMigrations(databaseUrl);
  process.env.DATABASE_URL = databaseUrl;
  process.env.REDIS_PREFIX = `parley-bench-${process.pid}`;

  const llm = await startMockOpenAI({ defaultReply: mockReply.text('Sure, here is what you need to know about that.') });
  const port = await freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    OPENAI_BASE_URL: llm.baseUrl,
    OPENAI_API_KEY: 'sk-bench',
    LLM_MODEL: 'bench-model',
  };
  const children = [start('apps/api/src/main.ts', env), start('apps/worker/src/main.ts', env)];
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(`${url}/api/v1/health`);
    const http = new Http(url);
    const admin = await login(http, ...(await createAdmin(databaseUrl)));
    const persona = await admin.post<{ id: string }>('/personas', { name: 'Bench', instructions: 'Answer briefly.' });
    await admin.post('/knowledge/articles', { title: 'Shipping', body: 'Orders ship within two business days.' });
    const inbox = await admin.post<{ publicKey: string }>('/inboxes', {
      name: 'Bench',
      personaId: persona.body.id,
      allowedOrigins: [ORIGIN],
    });

    const ack = histogram();
    const firstToken = histogram();
    const stored = histogram();
    let sent = 0;
    for (let v = 0; v < VISITORS; v++) {
      const session = await http.post<{ visitorToken: string }>('/widget/session', { inboxKey: inbox.body.publicKey }, { origin: ORIGIN });
      const socket = await connect(url, '/widget', session.body.visitorToken, ORIGIN);
      let firstDeltaAt = 0;
      let lastDeltaAt = 0;
      let onBotMessage: () => void = () => undefined;
      socket.on('message:delta', (delta: { index: number }) => {
        lastDeltaAt = performance.now();
        if (delta.index === 0) firstDeltaAt = lastDeltaAt;
      });
      socket.on('message:new', (event: { message: { role: string } }) => {
        if (event.message.role === 'bot') onBotMessage();
      });
      for (let m = 0; m < MESSAGES_PER_VISITOR; m++) {
        const botMessage = new Promise<number>((resolve) => (onBotMessage = () => resolve(performance.now())));
        const start = performance.now();
        await emitWithAck(socket, 'message:send', { clientMessageId: `b-${v}-${m}`, text: 'When will my order ship?' });
        const ackAt = performance.now();
        const storedAt = await botMessage;
        if (sent++ < WARMUP) continue;
        ack.recordValue(Math.round((ackAt - start) * 1000));
        firstToken.recordValue(Math.round((firstDeltaAt - start) * 1000));
        stored.recordValue(Math.round((storedAt - lastDeltaAt) * 1000));
      }
      socket.disconnect();
    }
    console.log(`Parley's own latency, ${sent - WARMUP} messages (after ${WARMUP} warm-up), instant mock LLM:`);
    console.log(report('ack', ack));
    console.log(report('first token', firstToken));
    console.log(report('stored', stored));
  } finally {
    await Promise.all(children.map(stop));
    await llm.close();
    const client = new Client({ connectionString: `${SERVER}/postgres` });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await client.end();
    await deleteRedisKeys(`${process.env.REDIS_PREFIX}:`);
  }
}

function start(entry: string, env: NodeJS.ProcessEnv): ChildProcess {
  const root = join(__dirname, '..');
  const profile = CPU_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROFILE_DIR}`] : [];
  return fork(join(root, entry), [], { execArgv: [...profile, '-r', join(root, 'scripts', 'register.js')], env, stdio: 'ignore' });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForHealth(url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (await fetch(url).then((response) => response.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the API did not become healthy');
}

async function createAdmin(databaseUrl: string): Promise<[string, string]> {
  const prisma = createPrismaClient(databaseUrl, { poolSize: 1 });
  const email = 'bench-admin@example.test';
  const password = 'bench-password';
  await new StaffRepository(prisma).createOrganizationWithAdmin('Bench', {
    email,
    name: 'Bench',
    passwordHash: await argon2.hash(password),
  });
  await prisma.$disconnect();
  return [email, password];
}

async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
