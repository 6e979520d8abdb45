import { estimateCostUsd, estimateUsage, type ChatMessage } from '@parley/llm';
import type { CompletionResult } from './llm-gateway';
import type { ResolvedTarget } from './provider-directory';

export interface TurnUsage {
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  /** The provider reported no usage: tokens were counted locally with gpt-tokenizer. */
  estimated: boolean;
}

/** Tokens and cost of the call that answered: as the provider reported them, else counted locally. */
export function turnUsage(prompt: ChatMessage[], result: CompletionResult): TurnUsage {
  const estimated = !result.usageReported;
  const completion = result.text + result.toolCalls.map((call) => call.name + JSON.stringify(call.arguments)).join('');
  const tokens = estimated ? estimateUsage(prompt, completion) : result.usage;
  return { ...tokens, costUsd: estimateCostUsd(result.model, tokens, result.target.price), estimated };
}

/** A reply cut mid-stream and dropped: its prompt and what it streamed, counted locally. */
export function discardedUsage(prompt: ChatMessage[], target: ResolvedTarget, text: string): TurnUsage {
  const tokens = estimateUsage(prompt, text);
  return { ...tokens, costUsd: estimateCostUsd(target.model, tokens, target.price), estimated: true };
}
