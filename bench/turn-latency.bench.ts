// `npm run bench`: the platform's own share of a bot reply's latency, measured end to end over
// real HTTP, socket.io, BullMQ, Postgres and Redis, with an OpenAI-compatible mock that answers
// instantly (so what is measured is Parley, not a model).
//
//   ack          message:send → its ack (the message is stored)
//   first token  message:send → the first message:delta of the bot's reply
//   stored       the last delta → message:new of the complete reply
import 'reflect-metadata';
import { applyMigrations, ensureDatabase } from '@parley/data';
import { mockReply, startMockOpenAI } from '@parley/testing';
import * as hdr from 'hdr-histogram-js';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { bootParley, connect, createOrganization, emitWithAck, Http, login } from '../test/e2e/support/parley';

const VISITORS = Number(process.env.BENCH_VISITORS ?? 30);
const MESSAGES_PER_VISITOR = Number(process.env.BENCH_MESSAGES ?? 10);
const WARMUP = 20;
const ORIGIN = 'https://bench.example';
const SERVER = process.env.BENCH_DATABASE_SERVER ?? 'postgresql://postgres@127.0.0.1:5432';
const DATABASE = `parley_bench_${process.pid}`;

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
  const parley = await bootParley({ llmBaseUrl: llm.baseUrl });
  try {
    const http = new Http(parley.url);
    const org = await createOrganization(parley);
    const admin = await login(http, org.email, org.password);
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
      const socket = await connect(parley.url, '/widget', session.body.visitorToken, ORIGIN);
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
    await parley.close();
    await llm.close();
    const client = new Client({ connectionString: `${SERVER}/postgres` });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await client.end();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
