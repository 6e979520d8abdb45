import { countTokens } from 'gpt-tokenizer/cjs/encoding/o200k_base';
import { contentText, type ChatMessage, type TokenUsage } from './chat-types';

// OpenAI's chat format adds a few tokens per message; an image in low detail costs 85.
const TOKENS_PER_MESSAGE = 4;
const TOKENS_PER_IMAGE = 85;

/** Tokens of a prompt, by OpenAI's o200k encoding: exact for OpenAI models, close for others. */
export function countPromptTokens(messages: readonly ChatMessage[]): number {
  return messages.reduce((total, message) => {
    const images = typeof message.content === 'string' ? 0 : message.content.filter((part) => part.type === 'image_url').length;
    return total + TOKENS_PER_MESSAGE + countTokens(contentText(message.content)) + images * TOKENS_PER_IMAGE;
  }, 0);
}

/** Usage estimated locally, for providers that do not report it in the stream. */
export function estimateUsage(messages: readonly ChatMessage[], completion: string): TokenUsage {
  return { promptTokens: countPromptTokens(messages), completionTokens: countTokens(completion) };
}
