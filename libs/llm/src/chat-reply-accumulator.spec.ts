import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { ChatReplyAccumulator } from './chat-reply-accumulator';
import { LlmError } from './llm-error';

const chunk = (choices: ChatCompletionChunk.Choice[], extra: Partial<ChatCompletionChunk> = {}): ChatCompletionChunk => ({
  id: 'chatcmpl-1',
  object: 'chat.completion.chunk',
  created: 0,
  model: 'gpt-4o-mini-2024-07-18',
  choices,
  ...extra,
});
const text = (content: string, finish: ChatCompletionChunk.Choice['finish_reason'] = null) =>
  chunk([{ index: 0, delta: { content }, finish_reason: finish }]);

describe('ChatReplyAccumulator', () => {
  it('rejects a stream that closed cleanly but never finished, rather than returning a truncated reply', () => {
    const reply = new ChatReplyAccumulator('gpt-4o-mini');
    reply.add(text('The store opens at'));

    expect(() => reply.result()).toThrow(LlmError);
    expect(() => reply.result()).toThrow(expect.objectContaining({ kind: 'bad_response' }));
  });

  it('reports zero usage when the provider sends none, and the model the provider named', () => {
    const reply = new ChatReplyAccumulator('gpt-4o-mini');
    reply.add(text('Hi', 'stop'));

    expect(reply.result()).toMatchObject({ usage: { promptTokens: 0, completionTokens: 0 }, model: 'gpt-4o-mini-2024-07-18' });
  });

  it('skips empty content and counts delta indexes over non-empty chunks only', () => {
    const deltas: Array<[string, number]> = [];
    const reply = new ChatReplyAccumulator('gpt-4o-mini', (delta, index) => deltas.push([delta, index]));
    reply.add(chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]));
    reply.add(text('Hello'));
    reply.add(text(''));
    reply.add(text(' there', 'stop'));
    reply.add(chunk([], { usage: { prompt_tokens: 12, completion_tokens: 2, total_tokens: 14 } }));

    expect(deltas).toEqual([
      ['Hello', 0],
      [' there', 1],
    ]);
    expect(reply.result()).toMatchObject({ text: 'Hello there', usage: { promptTokens: 12, completionTokens: 2 } });
  });
});
