import OpenAI, { AzureOpenAI } from 'openai';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { Stream } from 'openai/streaming';
import { ChatReplyAccumulator, DeltaHandlerError } from './chat-reply-accumulator';
import type { ChatRequest, ChatResult } from './chat-types';
import { LlmError, toLlmError } from './llm-error';
import { toStreamingParams } from './openai-request';

export interface OpenAICompatibleClientOptions {
  /** The provider's API root, e.g. `https://api.openai.com/v1`. */
  baseURL: string;
  apiKey: string;
  /** Longest wait for the response to start, or for the next chunk once it has. Default 30 s. */
  timeoutMs?: number;
  /** Retries of failed connections, 408/409/429 and 5xx before the stream starts. Default 2. */
  maxRetries?: number;
  /** Sent with every request (e.g. OpenRouter's `HTTP-Referer`). */
  headers?: Record<string, string>;
  /** Added to every request URL (e.g. Azure's `api-version`). */
  query?: Record<string, string>;
  /**
   * Azure OpenAI: `baseURL` is the resource endpoint (`https://<resource>.openai.azure.com`), the
   * key goes in the `api-key` header, the model names the deployment, and `query['api-version']`
   * is required.
   */
  azure?: boolean;
}

export interface StructuredRequest {
  model: string;
  messages: { role: 'system' | 'user'; content: string }[];
  schemaName: string;
  /** A JSON schema for the answer (strict mode: every property required, no extra ones). */
  schema: Record<string, unknown>;
  temperature?: number;
  signal?: AbortSignal;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_RETRIES = 2;

/** One OpenAI-compatible endpoint. The key lives only inside the SDK and is never put in an error. */
export class OpenAICompatibleClient {
  readonly #sdk: OpenAI;
  readonly #apiKey: string;
  readonly #timeoutMs: number;

  constructor(options: OpenAICompatibleClientOptions) {
    this.#apiKey = options.apiKey;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const common = {
      apiKey: options.apiKey,
      timeout: this.#timeoutMs,
      maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
      defaultHeaders: options.headers,
      // Otherwise OPENAI_ORG_ID / OPENAI_PROJECT_ID from the environment would be sent to every provider.
      organization: null,
      project: null,
    };
    if (options.azure) {
      const { 'api-version': apiVersion, ...query } = options.query ?? {};
      this.#sdk = new AzureOpenAI({ ...common, endpoint: options.baseURL, apiVersion, defaultQuery: query });
    } else {
      this.#sdk = new OpenAI({ ...common, baseURL: options.baseURL, defaultQuery: options.query });
    }
  }

  async streamChat(request: ChatRequest): Promise<ChatResult> {
    const idle = new IdleTimer(this.#timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, idle.signal]) : idle.signal;
    const reply = new ChatReplyAccumulator(request.model, request.onDelta);
    let stream: Stream<ChatCompletionChunk> | undefined;
    try {
      stream = await rejectOnAbort(this.#sdk.chat.completions.create(toStreamingParams(request), { signal }), signal);
      idle.restart();
      for await (const chunk of stream) {
        idle.restart();
        reply.add(chunk);
      }
      // The SDK ends an aborted stream quietly; without this check an abort would look like a short reply.
      if (signal.aborted) throw new LlmError('aborted', 'The model request was aborted');
      return reply.result();
    } catch (error) {
      throw this.#failure(error, request.signal, idle);
    } finally {
      idle.stop();
      // Frees the connection when the loop stopped early (abort, timeout, or a throwing onDelta).
      stream?.controller.abort();
    }
  }

  /**
   * One non-streamed answer constrained by a JSON schema (`response_format: json_schema`), parsed
   * as JSON. For short structured calls such as message analysis; no retries beyond the client's.
   */
  async completeJson(request: StructuredRequest): Promise<unknown> {
    try {
      const completion = await this.#sdk.chat.completions.create(
        {
          model: request.model,
          temperature: request.temperature ?? 0,
          messages: request.messages,
          response_format: { type: 'json_schema', json_schema: { name: request.schemaName, strict: true, schema: request.schema } },
        },
        { signal: request.signal, maxRetries: 0 },
      );
      const content = completion.choices[0]?.message.content ?? '';
      try {
        return JSON.parse(content) as unknown;
      } catch {
        throw new LlmError('bad_response', 'The model did not answer with JSON');
      }
    } catch (error) {
      if (error instanceof LlmError) throw error;
      if (request.signal?.aborted) throw new LlmError('aborted', 'The model request was aborted');
      throw toLlmError(error, this.#apiKey);
    }
  }

  /** The model ids the provider lists (`GET /models`): a cheap check of URL, key and headers. */
  async listModels(signal?: AbortSignal): Promise<string[]> {
    try {
      const ids: string[] = [];
      for await (const model of this.#sdk.models.list({ signal })) ids.push(model.id);
      return ids;
    } catch (error) {
      throw toLlmError(error, this.#apiKey);
    }
  }

  #failure(error: unknown, callerSignal: AbortSignal | undefined, idle: IdleTimer): unknown {
    if (error instanceof DeltaHandlerError) return error.original;
    if (callerSignal?.aborted) return new LlmError('aborted', 'The model request was aborted');
    if (idle.expired) return new LlmError('timeout', `The model sent nothing for ${idle.ms} ms`);
    return toLlmError(error, this.#apiKey);
  }
}

/** Aborts when no chunk arrives for `ms`: the SDK's own timeout stops at the response headers. */
class IdleTimer {
  readonly #controller = new AbortController();
  #timer: NodeJS.Timeout | undefined;

  constructor(readonly ms: number) {}

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  get expired(): boolean {
    return this.#controller.signal.aborted;
  }

  restart(): void {
    this.stop();
    this.#timer = setTimeout(() => this.#controller.abort(), this.ms);
  }

  stop(): void {
    clearTimeout(this.#timer);
  }
}

/** The SDK checks the signal only between retries; this makes an abort during a retry back-off immediate. */
function rejectOnAbort<T>(promise: PromiseLike<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new LlmError('aborted', 'The model request was aborted'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
