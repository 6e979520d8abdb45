import type { IncomingHttpHeaders } from 'node:http';
import type { ChatCompletionCreateParams } from 'openai/resources/chat/completions';

/** One chat-completions request as the mock server received it. */
export interface RecordedRequest {
  method: string;
  path: string;
  /** Query parameters of the request URL (Azure sends `api-version`). */
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: ChatCompletionCreateParams;
}

export type MockFinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter';

export interface MockToolCall {
  name: string;
  /** An object is serialised to JSON; a string is sent as is, so a test can send invalid JSON. */
  arguments: Record<string, unknown> | string;
}

export interface MockTiming {
  /** Wait before the first chunk (streaming) or before the whole response (non-streaming). */
  firstTokenDelayMs?: number;
  /** Wait between two streamed chunks. */
  chunkDelayMs?: number;
}

/** A successful completion: text, tool calls or both, optionally cut off mid-stream. */
export interface MockCompletionReply extends MockTiming {
  type: 'completion';
  text?: string;
  /** How the text is split into streamed chunks; by default one chunk per word. */
  chunks?: string[];
  toolCalls?: MockToolCall[];
  /** Destroy the socket after this many SSE events, before the finish chunk and `[DONE]`. */
  cutAfterChunks?: number;
  /** Defaults to `tool_calls` when there are tool calls, `stop` otherwise. */
  finishReason?: MockFinishReason;
  /** Model name reported back; defaults to the requested model. */
  model?: string;
}

/** An HTTP error with a body in OpenAI's error shape. */
export interface MockErrorReply {
  type: 'error';
  status: number;
  message?: string;
  errorType?: string;
  code?: string | null;
  headers?: Record<string, string>;
}

export type MockReply = MockCompletionReply | MockErrorReply;
export type MockReplyFn = (request: RecordedRequest) => MockReply;
export type ScriptedReply = MockReply | MockReplyFn;

type CompletionOptions = Omit<MockCompletionReply, 'type' | 'text' | 'toolCalls'>;

/** Builders for scripted replies, so tests read as what the model does. */
export const mockReply = {
  text: (text: string, options: CompletionOptions = {}): MockCompletionReply => ({
    type: 'completion',
    text,
    ...options,
  }),

  toolCall: (
    name: string,
    args: MockToolCall['arguments'],
    options: CompletionOptions & { text?: string } = {},
  ): MockCompletionReply => ({
    type: 'completion',
    toolCalls: [{ name, arguments: args }],
    ...options,
  }),

  cut: (text: string, afterChunks: number, options: Omit<CompletionOptions, 'cutAfterChunks'> = {}): MockCompletionReply => ({
    type: 'completion',
    text,
    cutAfterChunks: afterChunks,
    ...options,
  }),

  error: (status: number, options: Omit<MockErrorReply, 'type' | 'status'> = {}): MockErrorReply => ({
    type: 'error',
    status,
    ...options,
  }),
};
