import type { TokenUsage } from './chat-types';

interface ModelPrice {
  inputUsdPerMillion: number;
  outputUsdPerMillion: number;
}

// OpenAI list prices (standard tier). Temporary: prices will move to provider configuration.
const PRICES: Record<string, ModelPrice> = {
  'gpt-4o': { inputUsdPerMillion: 2.5, outputUsdPerMillion: 10 },
  'gpt-4o-mini': { inputUsdPerMillion: 0.15, outputUsdPerMillion: 0.6 },
  'gpt-4.1': { inputUsdPerMillion: 2, outputUsdPerMillion: 8 },
  'gpt-4.1-mini': { inputUsdPerMillion: 0.4, outputUsdPerMillion: 1.6 },
  'gpt-4.1-nano': { inputUsdPerMillion: 0.1, outputUsdPerMillion: 0.4 },
};

/** Cost of one call in USD; 0 for a model not in the table (self-hosted models cost nothing per token). */
export function estimateCostUsd(model: string, usage: TokenUsage): number {
  const price = priceFor(model);
  if (!price) return 0;
  return (usage.promptTokens * price.inputUsdPerMillion + usage.completionTokens * price.outputUsdPerMillion) / 1_000_000;
}

/** Accepts dated snapshots (`gpt-4o-2024-08-06`) and router prefixes (`openai/gpt-4o`). */
function priceFor(model: string): ModelPrice | undefined {
  const name = model.slice(model.lastIndexOf('/') + 1).toLowerCase();
  // Longest name first, so a gpt-4o-mini snapshot is not priced as gpt-4o.
  const match = Object.keys(PRICES)
    .filter((known) => name === known || name.startsWith(`${known}-`))
    .sort((a, b) => b.length - a.length)[0];
  return match === undefined ? undefined : PRICES[match];
}
