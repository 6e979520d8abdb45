import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  completeWithChain,
  ProviderCircuits,
  type ChainResult,
  type ChainTarget,
  type ChatMessage,
  type ResilienceOptions,
  type ToolDefinition,
} from '@parley/llm';
import { WORKER_CONFIG, type WorkerConfig } from '../worker-config';
import type { ResolvedTarget } from './provider-directory';

export interface CompletionRequest {
  /** Tried in order until one answers. */
  targets: ResolvedTarget[];
  /** The prompt, or the prompt for one link of the chain (e.g. with images only for models that see). */
  messages: ChatMessage[] | ((target: ResolvedTarget) => ChatMessage[]);
  tools?: ToolDefinition[];
  temperature?: number;
  maxTokens?: number;
  signal: AbortSignal;
}

/** The reply, and the link of the chain that gave it. */
export type CompletionResult = ChainResult & { target: ResolvedTarget };

export interface CompletionCallbacks {
  onDelta: (delta: string, index: number) => void;
  /** The streaming model failed mid-reply: drop what it streamed; the next model starts afresh. */
  onDiscard: (discarded: { target: ResolvedTarget; text: string }) => void;
}

/**
 * Runs a persona's model chain with retries, timeouts and per-provider circuit breakers. The
 * breakers live in this process: each worker process learns a provider is down on its own.
 */
@Injectable()
export class LlmGateway {
  private readonly logger = new Logger(LlmGateway.name);
  private readonly options: ResilienceOptions;
  private readonly circuits: ProviderCircuits;

  constructor(@Inject(WORKER_CONFIG) config: WorkerConfig) {
    this.options = {
      totalTimeoutMs: config.LLM_TOTAL_TIMEOUT_MS,
      retryAttempts: config.LLM_RETRY_ATTEMPTS,
      retryInitialDelayMs: config.LLM_RETRY_BASE_MS,
      breakerFailures: config.LLM_BREAKER_FAILURES,
      breakerHalfOpenAfterMs: config.LLM_BREAKER_HALF_OPEN_MS,
    };
    this.circuits = new ProviderCircuits(this.options);
  }

  async complete(request: CompletionRequest, callbacks: CompletionCallbacks): Promise<CompletionResult> {
    const { messages } = request;
    const chainRequest = {
      ...request,
      messages: typeof messages === 'function' ? (target: ChainTarget) => messages(target as ResolvedTarget) : messages,
    };
    const result = await completeWithChain(request.targets, chainRequest, this.circuits, this.options, {
      onDelta: callbacks.onDelta,
      onDiscard: ({ target, text }) => callbacks.onDiscard({ target: target as ResolvedTarget, text }),
      onFailure: (target, error) =>
        this.logger.warn(`model ${target.providerName}/${target.model} failed: ${(error as Error).message}`),
    });
    return { ...result, target: result.target as ResolvedTarget };
  }
}
