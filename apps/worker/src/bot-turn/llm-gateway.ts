import { Inject, Injectable, Logger } from '@nestjs/common';
import { isAbortError, OpenAICompatibleClient, type ChatMessage, type ChatResult, type ToolDefinition } from '@parley/llm';
import { WORKER_CONFIG, type WorkerConfig } from '../worker-config';

export interface CompletionRequest {
  /** Tried in order until one answers. */
  models: string[];
  /** The prompt, or the prompt for a given model (e.g. with images only for vision models). */
  messages: ChatMessage[] | ((model: string) => ChatMessage[]);
  tools?: ToolDefinition[];
  temperature?: number;
  maxTokens?: number;
  signal: AbortSignal;
}

/**
 * The configured OpenAI-compatible endpoint and its model chain. A model that fails before its
 * first token is replaced by the next; once the visitor has seen tokens, a failure is final.
 */
@Injectable()
export class LlmGateway {
  private readonly logger = new Logger(LlmGateway.name);
  private readonly client: OpenAICompatibleClient | null;

  constructor(@Inject(WORKER_CONFIG) private readonly config: WorkerConfig) {
    this.client = config.OPENAI_API_KEY
      ? new OpenAICompatibleClient({
          baseURL: config.OPENAI_BASE_URL,
          apiKey: config.OPENAI_API_KEY,
          timeoutMs: config.LLM_FIRST_TOKEN_TIMEOUT_MS,
          maxRetries: 1,
        })
      : null;
  }

  /** With no API key the bot works in knowledge-base mode and never pretends to be an LLM. */
  get enabled(): boolean {
    return this.client !== null;
  }

  async complete(request: CompletionRequest, onDelta: (delta: string, index: number) => void): Promise<ChatResult> {
    if (!this.client) throw new Error('no LLM is configured');
    const models = [...new Set(request.models)];
    let lastError: unknown = new Error('no model to try');
    for (const model of models) {
      let streamed = false;
      const total = AbortSignal.timeout(this.config.LLM_TOTAL_TIMEOUT_MS);
      try {
        return await this.client.streamChat({
          model,
          messages: typeof request.messages === 'function' ? request.messages(model) : request.messages,
          tools: request.tools,
          temperature: request.temperature,
          maxTokens: request.maxTokens,
          signal: AbortSignal.any([request.signal, total]),
          onDelta: (delta, index) => {
            streamed = true;
            onDelta(delta, index);
          },
        });
      } catch (error) {
        if (request.signal.aborted) throw error;
        lastError = error;
        this.logger.warn(`model ${model} failed: ${(error as Error).message}`);
        if (streamed || (isAbortError(error) && !total.aborted)) throw error;
      }
    }
    throw lastError;
  }
}
