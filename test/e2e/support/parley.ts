import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { JobQueue, StaffRepository } from '@parley/data';
import * as argon2 from 'argon2';
import { randomBytes, randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { loadApiConfig } from '../../../apps/api/src/api-config';
import { createApiApp, listen } from '../../../apps/api/src/create-api-app';
import { createWorkerApp } from '../../../apps/worker/src/create-worker-app';
import { loadWorkerConfig } from '../../../apps/worker/src/worker-config';

export const TEST_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');

export interface Parley {
  url: string;
  api: INestApplication;
  worker: INestApplicationContext;
  jobs: JobQueue;
  close(): Promise<void>;
}

/**
 * Boots the real API and worker in this process, on the Jest worker's database and a Redis prefix
 * of its own (under the worker's), so queues and rate limits never carry over between test files.
 */
export async function bootParley(options: { llmBaseUrl?: string; env?: Record<string, string> } = {}): Promise<Parley> {
  const env: NodeJS.ProcessEnv = {
    DATABASE_URL: process.env.DATABASE_URL,
    REDIS_URL: process.env.REDIS_URL,
    REDIS_PREFIX: `${process.env.REDIS_PREFIX}-${randomBytes(3).toString('hex')}`,
    PORT: '0',
    LLM_MODEL: 'mock-model',
    // A fixed key for provider API keys at rest; quick retries; a breaker that recovers between scenarios.
    PARLEY_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
    LLM_RETRY_BASE_MS: '5',
    LLM_BREAKER_HALF_OPEN_MS: '250',
    ...(options.llmBaseUrl ? { OPENAI_BASE_URL: options.llmBaseUrl, OPENAI_API_KEY: 'sk-test-secret-key' } : {}),
    ...options.env,
  };
  const api = await createApiApp(loadApiConfig(env), { logger: false });
  const url = await listen(api, 0);
  const worker = await createWorkerApp(loadWorkerConfig(env), { logger: false });
  return {
    url,
    api,
    worker,
    jobs: api.get(JobQueue),
    async close() {
      await worker.close();
      await api.close();
    },
  };
}

/** A small HTTP client speaking the contract, for tests. */
export class Http {
  constructor(
    private readonly base: string,
    readonly token?: string,
  ) {}

  withToken(token: string): Http {
    return new Http(this.base, token);
  }

  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: T; headers: Headers }> {
    const response = await fetch(`${this.base}/api/v1${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T, headers: response.headers };
  }

  get<T = Record<string, unknown>>(path: string) {
    return this.request<T>('GET', path);
  }

  post<T = Record<string, unknown>>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body ?? {}, headers);
  }
}

/** A new organization with its admin, so test files never depend on each other's data. */
export async function createOrganization(parley: Parley): Promise<{ email: string; password: string; orgId: string }> {
  const email = `admin-${randomUUID()}@example.test`;
  const password = 'correct horse battery staple';
  const { orgId } = await parley.api.get(StaffRepository).createOrganizationWithAdmin('Acme', {
    email,
    name: 'Ada Admin',
    passwordHash: await argon2.hash(password),
  });
  return { email, password, orgId };
}

export async function login(http: Http, email: string, password: string): Promise<Http> {
  const { status, body } = await http.post<{ accessToken: string }>('/auth/login', { email, password });
  if (status !== 200) throw new Error(`login failed with ${status}: ${JSON.stringify(body)}`);
  return http.withToken(body.accessToken);
}

export function connect(url: string, namespace: '/widget' | '/agent', token: string, origin?: string): Promise<Socket> {
  const socket = io(`${url}${namespace}`, {
    auth: { token },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    ...(origin ? { extraHeaders: { origin } } : {}),
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => reject(error));
  });
}

export function emitWithAck<T = Record<string, unknown>>(socket: Socket, event: string, payload: unknown): Promise<T> {
  return socket.timeout(10_000).emitWithAck(event, payload) as Promise<T>;
}
