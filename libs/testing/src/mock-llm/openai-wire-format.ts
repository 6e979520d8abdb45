import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionCreateParams,
} from 'openai/resources/chat/completions';
import type { CompletionUsage } from 'openai/resources/completions';
import type { MockCompletionReply, MockErrorReply, MockFinishReason } from './mock-replies';

/** A completion reply resolved against its request: everything needed to write it either way. */
export interface PlannedCompletion {
  id: string;
  created: number;
  model: string;
  textChunks: string[];
  toolCalls: Array<{ id: string; name: string; argumentsJson: string }>;
  finishReason: MockFinishReason;
  usage: CompletionUsage;
}

export interface OpenAIErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

// Small enough that every realistic arguments object arrives in several fragments, as with OpenAI.
const ARGUMENT_FRAGMENT_CHARS = 7;

export function planCompletion(
  reply: MockCompletionReply,
  request: ChatCompletionCreateParams,
  sequence: number,
): PlannedCompletion {
  const textChunks = reply.chunks ?? splitIntoWords(reply.text ?? '');
  const toolCalls = (reply.toolCalls ?? []).map((call, i) => ({
    id: `call_mock_${sequence}_${i}`,
    name: call.name,
    argumentsJson: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments),
  }));
  const completionChars =
    textChunks.join('').length + toolCalls.reduce((n, call) => n + call.name.length + call.argumentsJson.length, 0);
  const promptTokens = estimateTokens(requestChars(request));
  const completionTokens = estimateTokens(completionChars);
  return {
    id: `chatcmpl-mock-${sequence}`,
    created: Math.floor(Date.now() / 1000),
    model: reply.model ?? request.model,
    textChunks,
    toolCalls,
    finishReason: reply.finishReason ?? (toolCalls.length > 0 ? 'tool_calls' : 'stop'),
    usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
  };
}

/** Every SSE event of a streamed reply, in order, without the closing `[DONE]`. */
export function streamEvents(plan: PlannedCompletion, includeUsage: boolean): ChatCompletionChunk[] {
  const usageField = includeUsage ? { usage: null } : {};
  const chunk = (choice: ChatCompletionChunk.Choice): ChatCompletionChunk => ({
    id: plan.id,
    object: 'chat.completion.chunk',
    created: plan.created,
    model: plan.model,
    choices: [choice],
    ...usageField,
  });
  const delta = (value: ChatCompletionChunk.Choice.Delta) => chunk({ index: 0, delta: value, finish_reason: null });

  const events = [
    delta({ role: 'assistant', content: '' }),
    ...plan.textChunks.map((content) => delta({ content })),
    ...plan.toolCalls.flatMap((call, index) => [
      delta({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] }),
      ...fragments(call.argumentsJson).map((part) => delta({ tool_calls: [{ index, function: { arguments: part } }] })),
    ]),
    chunk({ index: 0, delta: {}, finish_reason: plan.finishReason }),
  ];
  if (includeUsage) {
    events.push({ ...chunk({ index: 0, delta: {}, finish_reason: null }), choices: [], usage: plan.usage });
  }
  return events;
}

/** Index of the chunk carrying `finish_reason`: a cut stream must stop before it. */
export function finishEventIndex(plan: PlannedCompletion): number {
  return 1 + plan.textChunks.length + plan.toolCalls.reduce((n, call) => n + 1 + fragments(call.argumentsJson).length, 0);
}

export function completionObject(plan: PlannedCompletion): ChatCompletion {
  const text = plan.textChunks.join('');
  return {
    id: plan.id,
    object: 'chat.completion',
    created: plan.created,
    model: plan.model,
    choices: [
      {
        index: 0,
        logprobs: null,
        finish_reason: plan.finishReason,
        message: {
          role: 'assistant',
          content: text === '' && plan.toolCalls.length > 0 ? null : text,
          refusal: null,
          ...(plan.toolCalls.length > 0 && {
            tool_calls: plan.toolCalls.map((call) => ({
              id: call.id,
              type: 'function' as const,
              function: { name: call.name, arguments: call.argumentsJson },
            })),
          }),
        },
      },
    ],
    usage: plan.usage,
  };
}

const DEFAULT_ERRORS: Record<number, { message: string; type: string; code: string | null }> = {
  400: { message: 'Invalid request.', type: 'invalid_request_error', code: null },
  401: { message: 'Incorrect API key provided.', type: 'invalid_request_error', code: 'invalid_api_key' },
  404: { message: 'The model does not exist or you do not have access to it.', type: 'invalid_request_error', code: 'model_not_found' },
  429: { message: 'Rate limit reached for requests.', type: 'requests', code: 'rate_limit_exceeded' },
  500: { message: 'The server had an error while processing your request.', type: 'server_error', code: null },
  503: { message: 'The engine is currently overloaded, please try again later.', type: 'server_error', code: null },
};

export function errorBody(reply: MockErrorReply): OpenAIErrorBody {
  const fallback = DEFAULT_ERRORS[reply.status] ?? { message: `Mock error ${reply.status}.`, type: 'api_error', code: null };
  return {
    error: {
      message: reply.message ?? fallback.message,
      type: reply.errorType ?? fallback.type,
      param: null,
      code: reply.code === undefined ? fallback.code : reply.code,
    },
  };
}

/** Roughly four characters per token, like OpenAI's rule of thumb; deterministic on purpose. */
export function estimateTokens(chars: number): number {
  return Math.ceil(chars / 4);
}

function requestChars(request: ChatCompletionCreateParams): number {
  return request.messages.reduce((n, message) => n + contentChars(message.content), 0);
}

function contentChars(content: unknown): number {
  if (typeof content === 'string') return content.length;
  if (!Array.isArray(content)) return 0;
  return content.reduce<number>((n, part: unknown) => n + (isTextPart(part) ? part.text.length : 0), 0);
}

function isTextPart(part: unknown): part is { text: string } {
  return typeof part === 'object' && part !== null && 'text' in part && typeof part.text === 'string';
}

function splitIntoWords(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

function fragments(json: string): string[] {
  const parts: string[] = [];
  for (let i = 0; i < json.length; i += ARGUMENT_FRAGMENT_CHARS) parts.push(json.slice(i, i + ARGUMENT_FRAGMENT_CHARS));
  return parts;
}
