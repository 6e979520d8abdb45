import {
  BrokenCircuitError,
  circuitBreaker,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  handleWhen,
  retry,
  type CircuitBreakerPolicy,
} from 'cockatiel';
import type { ChatMessage, ChatResult, ToolDefinition } from './chat-types';
import { LlmError } from './llm-error';
import type { OpenAICompatibleClient } from './openai-compatible.client';

/** One model on one provider: a link of a persona's chain. */
export interface ChainTarget {
  /** Keys the provider's circuit breaker (stable across edits of the provider). */
  providerKey: string;
  /** For logs and usage records. */
  providerName: string;
  client: Pick<OpenAICompatibleClient, 'streamChat'>;
  model: string;
}

export interface ResilienceOptions {
  /** Whole-reply limit per model; the first-token limit is the client's own timeout. */
  totalTimeoutMs: number;
  /** Tries per model for failures before the first token (connect errors, 408/409/429, 5xx). */
  retryAttempts: number;
  retryInitialDelayMs: number;
  /** Consecutive failures after which a provider is skipped... */
  breakerFailures: number;
  /** ...until this long has passed; then one call tests it again. */
  breakerHalfOpenAfterMs: number;
}

export interface ChainRequest {
  /** The prompt, or the prompt for one link of the chain (e.g. images only for models that see). */
  messages: ChatMessage[] | ((target: ChainTarget) => ChatMessage[]);
  tools?: ToolDefinition[];
  temperature?: number;
  maxTokens?: number;
  signal: AbortSignal;
}

export interface ChainCallbacks {
  onDelta: (delta: string, index: number) => void;
  /**
   * The model that was streaming failed: what it streamed must be dropped; the next one starts
   * afresh. `text` is what it had streamed (the tokens were spent all the same).
   */
  onDiscard: (discarded: { target: ChainTarget; text: string }) => void;
  /** Each failed attempt, for logs. */
  onFailure?: (target: ChainTarget, error: unknown) => void;
}

export interface ChainResult extends ChatResult {
  target: ChainTarget;
}

/** Every link failed (or was skipped by an open circuit); `errors` has one entry per link. */
export class ChainExhaustedError extends Error {
  override readonly name = 'ChainExhaustedError';
  constructor(readonly errors: readonly unknown[]) {
    super(`every model failed: ${errors.map((error) => (error instanceof Error ? error.message : String(error))).join('; ')}`);
  }
}

/**
 * Circuit breakers per provider, shared by every turn in this process: after
 * `breakerFailures` consecutive failures a provider is skipped without a call until
 * `breakerHalfOpenAfterMs` has passed.
 */
export class ProviderCircuits {
  readonly #breakers = new Map<string, CircuitBreakerPolicy>();

  constructor(private readonly options: Pick<ResilienceOptions, 'breakerFailures' | 'breakerHalfOpenAfterMs'>) {}

  for(providerKey: string): CircuitBreakerPolicy {
    let breaker = this.#breakers.get(providerKey);
    if (!breaker) {
      breaker = circuitBreaker(handleWhen(countsAgainstProvider), {
        halfOpenAfter: this.options.breakerHalfOpenAfterMs,
        breaker: new ConsecutiveBreaker(this.options.breakerFailures),
      });
      this.#breakers.set(providerKey, breaker);
    }
    return breaker;
  }

  isOpen(providerKey: string): boolean {
    return this.#breakers.get(providerKey)?.state === CircuitState.Open;
  }
}

/**
 * Streams a reply from the first link of the chain that gives one. Before its first token a link
 * is retried with exponential backoff on retryable errors; after that, a failure (a stream cut
 * mid-way, a total timeout) moves on to the next link, and `onDiscard` tells the caller to drop
 * the partial text. A caller's abort stops everything at once.
 */
export async function completeWithChain(
  targets: readonly ChainTarget[],
  request: ChainRequest,
  circuits: ProviderCircuits,
  options: ResilienceOptions,
  callbacks: ChainCallbacks,
): Promise<ChainResult> {
  const errors: unknown[] = [];
  for (const target of targets) {
    if (request.signal.aborted) throw new LlmError('aborted', 'The model request was aborted');
    let streamed = false;
    let partial = '';
    const retryPolicy = retry(
      handleWhen((error) => !streamed && error instanceof LlmError && error.retryable),
      {
        maxAttempts: Math.max(0, options.retryAttempts - 1),
        backoff: new ExponentialBackoff({ initialDelay: options.retryInitialDelayMs, maxDelay: options.retryInitialDelayMs * 16 }),
      },
    );
    try {
      const result = await retryPolicy.execute(
        () => circuits.for(target.providerKey).execute(() => attempt(target, request, options, (delta, index) => {
          streamed = true;
          partial += delta;
          callbacks.onDelta(delta, index);
        })),
        request.signal,
      );
      return { ...result, target };
    } catch (error) {
      if (request.signal.aborted) throw new LlmError('aborted', 'The model request was aborted');
      errors.push(error);
      callbacks.onFailure?.(target, error);
      if (streamed) callbacks.onDiscard({ target, text: partial });
      if (!(error instanceof LlmError || error instanceof BrokenCircuitError)) throw error;
    }
  }
  throw new ChainExhaustedError(errors);
}

async function attempt(
  target: ChainTarget,
  request: ChainRequest,
  options: ResilienceOptions,
  onDelta: (delta: string, index: number) => void,
): Promise<ChatResult> {
  const total = AbortSignal.timeout(options.totalTimeoutMs);
  try {
    return await target.client.streamChat({
      model: target.model,
      messages: typeof request.messages === 'function' ? request.messages(target) : request.messages,
      tools: request.tools,
      temperature: request.temperature,
      maxTokens: request.maxTokens,
      signal: AbortSignal.any([request.signal, total]),
      onDelta,
    });
  } catch (error) {
    if (total.aborted && !request.signal.aborted) {
      throw new LlmError('timeout', `The model did not finish within ${options.totalTimeoutMs} ms`);
    }
    throw error;
  }
}

/** A caller's abort or a request the provider refused as invalid says nothing about its health. */
function countsAgainstProvider(error: Error): boolean {
  return error instanceof LlmError && error.kind !== 'aborted' && error.retryable;
}
