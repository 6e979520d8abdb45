import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { ChatResult, TokenUsage } from './chat-types';
import { LlmError } from './llm-error';
import { ToolCallAssembler } from './tool-calls';

/** Builds a ChatResult from streamed chunks, forwarding text deltas as they arrive. */
export class ChatReplyAccumulator {
  readonly #toolCalls = new ToolCallAssembler();
  #text = '';
  #deltaCount = 0;
  #usage: TokenUsage = { promptTokens: 0, completionTokens: 0 };
  #usageReported = false;
  #model: string;
  #finishReason: string | null = null;
  readonly #onDelta: ((delta: string, index: number) => void) | undefined;

  constructor(requestedModel: string, onDelta?: (delta: string, index: number) => void) {
    this.#model = requestedModel;
    this.#onDelta = onDelta;
  }

  add(chunk: ChatCompletionChunk): void {
    if (chunk.model) this.#model = chunk.model;
    if (chunk.usage) {
      this.#usage = { promptTokens: chunk.usage.prompt_tokens, completionTokens: chunk.usage.completion_tokens };
      this.#usageReported = true;
    }
    // Parley asks for one choice; other indexes would belong to another answer.
    for (const choice of chunk.choices.filter((c) => c.index === 0)) this.#addChoice(choice);
  }

  result(): ChatResult {
    if (this.#finishReason === null) {
      throw new LlmError('bad_response', 'The stream ended before the model finished its reply');
    }
    return {
      text: this.#text,
      toolCalls: this.#toolCalls.result(),
      usage: this.#usage,
      usageReported: this.#usageReported,
      model: this.#model,
      finishReason: this.#finishReason,
    };
  }

  #addChoice(choice: ChatCompletionChunk.Choice): void {
    const content = choice.delta?.content;
    if (content) {
      this.#text += content;
      this.#emit(content);
    }
    for (const fragment of choice.delta?.tool_calls ?? []) this.#toolCalls.add(fragment);
    if (choice.finish_reason) this.#finishReason = choice.finish_reason;
  }

  #emit(delta: string): void {
    try {
      this.#onDelta?.(delta, this.#deltaCount++);
    } catch (error) {
      throw new DeltaHandlerError(error);
    }
  }
}

/** Marks an error thrown by the caller's `onDelta`, so it is rethrown as is instead of being taken for a provider failure. */
export class DeltaHandlerError extends Error {
  constructor(readonly original: unknown) {
    super('onDelta threw');
  }
}
