import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ChatCompletionCreateParams } from 'openai/resources/chat/completions';
import { hashedEmbedding, type HashedEmbedderOptions } from './mock-embeddings';
import {
  mockReply,
  type MockCompletionReply,
  type MockErrorReply,
  type MockReply,
  type RecordedRequest,
  type ScriptedReply,
} from './mock-replies';
import {
  completionObject,
  errorBody,
  finishEventIndex,
  planCompletion,
  streamEvents,
  type PlannedCompletion,
} from './openai-wire-format';

export interface MockOpenAIOptions {
  /** Reply used when the queue is empty; `reset()` restores it. */
  defaultReply?: ScriptedReply;
  /** Ids listed by `GET /v1/models`. */
  models?: string[];
  /** How `POST /v1/embeddings` embeds texts (see `hashedEmbedding`). */
  embeddings?: HashedEmbedderOptions;
}

/** One `POST /v1/embeddings` request as received. */
export interface RecordedEmbeddingsRequest {
  model: string;
  input: string[];
}

/** A real OpenAI-compatible HTTP server on 127.0.0.1, scripted by the test. */
export interface MockOpenAI {
  /** Ends in `/v1`, ready for the SDK's `baseURL`. */
  readonly baseUrl: string;
  /** Every chat-completions request received, oldest first (a live view, emptied by `reset()`). */
  readonly requests: readonly RecordedRequest[];
  /** Every embeddings request received, oldest first (emptied by `reset()`). */
  readonly embeddingRequests: readonly RecordedEmbeddingsRequest[];
  /** While set, `POST /v1/embeddings` answers with this HTTP status (null: answers normally). */
  failEmbeddingsWith(status: number | null): void;
  /** Scripted replies not consumed yet. */
  readonly pendingReplies: number;
  /** Queues replies, one consumed per chat-completions request, in order. */
  enqueue(...replies: ScriptedReply[]): void;
  setDefaultReply(reply: ScriptedReply): void;
  /** Forgets requests and queued replies and restores the initial default reply. */
  reset(): void;
  close(): Promise<void>;
}

export const DEFAULT_MOCK_REPLY: MockCompletionReply = mockReply.text('Hello! How can I help you today?');
export const DEFAULT_MOCK_MODELS: readonly string[] = ['gpt-4o-mini', 'gpt-4o', 'gpt-4.1-mini'];

export async function startMockOpenAI(options: MockOpenAIOptions = {}): Promise<MockOpenAI> {
  const mock = new MockOpenAIServer(options);
  await mock.listen();
  return mock;
}

class MockOpenAIServer implements MockOpenAI {
  readonly #server: Server;
  readonly #initialDefault: ScriptedReply;
  readonly #models: readonly string[];
  readonly #requests: RecordedRequest[] = [];
  readonly #embeddingRequests: RecordedEmbeddingsRequest[] = [];
  readonly #embedder: HashedEmbedderOptions;
  #embeddingsFailure: number | null = null;
  #queue: ScriptedReply[] = [];
  #defaultReply: ScriptedReply;
  #sequence = 0;
  #port = 0;

  constructor(options: MockOpenAIOptions) {
    this.#initialDefault = options.defaultReply ?? DEFAULT_MOCK_REPLY;
    this.#defaultReply = this.#initialDefault;
    this.#models = options.models ?? DEFAULT_MOCK_MODELS;
    this.#embedder = options.embeddings ?? {};
    this.#server = createServer((req, res) => void this.#handle(req, res));
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.#port}/v1`;
  }

  get requests(): readonly RecordedRequest[] {
    return this.#requests;
  }

  get embeddingRequests(): readonly RecordedEmbeddingsRequest[] {
    return this.#embeddingRequests;
  }

  failEmbeddingsWith(status: number | null): void {
    this.#embeddingsFailure = status;
  }

  get pendingReplies(): number {
    return this.#queue.length;
  }

  enqueue(...replies: ScriptedReply[]): void {
    this.#queue.push(...replies);
  }

  setDefaultReply(reply: ScriptedReply): void {
    this.#defaultReply = reply;
  }

  reset(): void {
    this.#requests.length = 0;
    this.#embeddingRequests.length = 0;
    this.#embeddingsFailure = null;
    this.#queue = [];
    this.#defaultReply = this.#initialDefault;
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(0, '127.0.0.1', () => resolve());
    });
    this.#port = (this.#server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    // Open streams would otherwise keep `server.close()` waiting for ever.
    this.#server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.#server.close((err) => (err ? reject(err) : resolve())));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://mock');
    const path = url.pathname;
    try {
      // Any prefix: Azure OpenAI's is `/openai/deployments/<deployment>`.
      if (req.method === 'POST' && path.endsWith('/chat/completions')) return await this.#chatCompletion(req, res, path, url.searchParams);
      if (req.method === 'POST' && path === '/v1/embeddings') return await this.#embeddings(req, res);
      if (req.method === 'GET' && path === '/v1/models') return sendJson(res, 200, this.#modelList());
      sendError(res, mockReply.error(404, { message: `Unknown route ${req.method} ${path}`, code: null }));
    } catch (error) {
      // A throwing reply function is a test bug: make it visible as a 500 rather than a hang.
      if (res.headersSent) res.destroy();
      else sendError(res, mockReply.error(500, { message: `Mock server failure: ${String(error)}` }));
    }
  }

  async #chatCompletion(req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): Promise<void> {
    const body = parseChatRequest(await readBody(req));
    if (!body) return sendError(res, mockReply.error(400, { message: 'Body must be JSON with `model` and `messages`.' }));

    const recorded: RecordedRequest = {
      method: req.method ?? 'POST',
      path,
      query: Object.fromEntries(query),
      headers: req.headers,
      body,
    };
    this.#requests.push(recorded);
    const sequence = ++this.#sequence;
    const reply = this.#nextReply(recorded);
    if (reply.type === 'error') return sendError(res, reply);

    const plan = planCompletion(reply, body, sequence);
    const closed = signalOnClose(res);
    if (body.stream) await writeStream(res, plan, reply, body.stream_options?.include_usage === true, closed);
    else await writeCompletion(res, plan, reply, closed);
  }

  async #embeddings(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = parseEmbeddingsRequest(await readBody(req));
    if (!body) return sendError(res, mockReply.error(400, { message: 'Body must be JSON with `model` and `input`.' }));
    this.#embeddingRequests.push(body);
    if (this.#embeddingsFailure !== null) {
      return sendError(res, mockReply.error(this.#embeddingsFailure, { message: 'Scripted embeddings failure' }));
    }
    sendJson(res, 200, {
      object: 'list',
      model: body.model,
      data: body.input.map((text, index) => ({ object: 'embedding', index, embedding: hashedEmbedding(text, this.#embedder) })),
      usage: { prompt_tokens: 0, total_tokens: 0 },
    });
  }

  #nextReply(request: RecordedRequest): MockReply {
    const scripted = this.#queue.shift() ?? this.#defaultReply;
    return typeof scripted === 'function' ? scripted(request) : scripted;
  }

  #modelList() {
    return {
      object: 'list',
      data: this.#models.map((id) => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'parley-mock' })),
    };
  }
}

async function writeStream(
  res: ServerResponse,
  plan: PlannedCompletion,
  reply: MockCompletionReply,
  includeUsage: boolean,
  closed: AbortSignal,
): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  res.flushHeaders();
  const events = streamEvents(plan, includeUsage);
  const cutAt = reply.cutAfterChunks === undefined ? -1 : Math.min(reply.cutAfterChunks, finishEventIndex(plan));

  await pause(reply.firstTokenDelayMs, closed);
  for (const [i, event] of events.entries()) {
    if (i === cutAt) return void res.socket?.destroy();
    if (i > 0) await pause(reply.chunkDelayMs, closed);
    if (closed.aborted) return;
    await write(res, `data: ${JSON.stringify(event)}\n\n`, closed);
  }
  if (closed.aborted) return;
  res.end('data: [DONE]\n\n');
}

async function writeCompletion(
  res: ServerResponse,
  plan: PlannedCompletion,
  reply: MockCompletionReply,
  closed: AbortSignal,
): Promise<void> {
  await pause(reply.firstTokenDelayMs, closed);
  if (closed.aborted) return;
  const json = JSON.stringify(completionObject(plan));
  if (reply.cutAfterChunks === undefined) return sendJson(res, 200, json);

  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
  await write(res, json.slice(0, Math.floor(json.length / 2)), closed);
  res.socket?.destroy();
}

function sendError(res: ServerResponse, reply: MockErrorReply): void {
  sendJson(res, reply.status, errorBody(reply), reply.headers);
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const json = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

/** Resolves once the data is handed to the socket, or when the client is gone. */
function write(res: ServerResponse, data: string, closed: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      closed.removeEventListener('abort', done);
      resolve();
    };
    closed.addEventListener('abort', done, { once: true });
    res.write(data, done);
  });
}

async function pause(ms: number | undefined, closed: AbortSignal): Promise<void> {
  if (!ms || closed.aborted) return;
  await sleep(ms, undefined, { signal: closed }).catch(() => undefined);
}

function signalOnClose(res: ServerResponse): AbortSignal {
  const controller = new AbortController();
  res.once('close', () => controller.abort());
  return controller.signal;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseEmbeddingsRequest(raw: string): RecordedEmbeddingsRequest | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { model, input } = parsed as { model?: unknown; input?: unknown };
  if (typeof model !== 'string') return null;
  if (typeof input === 'string') return { model, input: [input] };
  if (Array.isArray(input) && input.every((item) => typeof item === 'string')) return { model, input };
  return null;
}

function parseChatRequest(raw: string): ChatCompletionCreateParams | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  const looksValid =
    typeof parsed === 'object' &&
    parsed !== null &&
    'model' in parsed &&
    typeof parsed.model === 'string' &&
    'messages' in parsed &&
    Array.isArray(parsed.messages);
  // The shape is OpenAI's; the mock checks only what it relies on, like a lenient provider.
  return looksValid ? (parsed as ChatCompletionCreateParams) : null;
}
