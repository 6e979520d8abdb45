import * as modelSpecs from 'gpt-tokenizer/cjs/models.gen';
import type { TokenUsage } from './chat-types';

export interface ModelPrice {
  inputUsdPerMillion: number;
  outputUsdPerMillion: number;
}

// OpenAI list prices (standard tier) of the models support bots use most. They take precedence
// over gpt-tokenizer's model data, whose prices for some of these models are out of date.
const PRICES: Record<string, ModelPrice> = {
  'gpt-4o': { inputUsdPerMillion: 2.5, outputUsdPerMillion: 10 },
  'gpt-4o-mini': { inputUsdPerMillion: 0.15, outputUsdPerMillion: 0.6 },
  'gpt-4.1': { inputUsdPerMillion: 2, outputUsdPerMillion: 8 },
  'gpt-4.1-mini': { inputUsdPerMillion: 0.4, outputUsdPerMillion: 1.6 },
  'gpt-4.1-nano': { inputUsdPerMillion: 0.1, outputUsdPerMillion: 0.4 },
};

interface TokenizerSpec {
  price_data?: { main?: { input?: number; output?: number } };
  context_window?: number;
  modalities?: { input?: readonly string[] };
}
const SPECS = modelSpecs as unknown as Record<string, TokenizerSpec | undefined>;

/**
 * Cost of one call in USD. The provider's configured price wins; then the built-in table; then
 * gpt-tokenizer's model data; 0 for an unknown model (self-hosted models cost nothing per token).
 */
export function estimateCostUsd(model: string, usage: TokenUsage, configured?: Partial<ModelPrice>): number {
  const price = configuredPrice(configured) ?? priceFor(model);
  if (!price) return 0;
  return (usage.promptTokens * price.inputUsdPerMillion + usage.completionTokens * price.outputUsdPerMillion) / 1_000_000;
}

/** What gpt-tokenizer knows of an OpenAI model: context window and whether it takes images. */
export function knownModelFacts(model: string): { contextWindow?: number; vision?: boolean } {
  const spec = SPECS[baseName(model)];
  if (!spec) return {};
  return { contextWindow: spec.context_window, vision: spec.modalities?.input?.includes('image') };
}

function configuredPrice(price: Partial<ModelPrice> | undefined): ModelPrice | undefined {
  if (price?.inputUsdPerMillion === undefined && price?.outputUsdPerMillion === undefined) return undefined;
  return { inputUsdPerMillion: price.inputUsdPerMillion ?? 0, outputUsdPerMillion: price.outputUsdPerMillion ?? 0 };
}

/** Accepts dated snapshots (`gpt-4o-2024-08-06`) and router prefixes (`openai/gpt-4o`). */
function priceFor(model: string): ModelPrice | undefined {
  const name = baseName(model);
  // Longest name first, so a gpt-4o-mini snapshot is not priced as gpt-4o.
  const match = Object.keys(PRICES)
    .filter((known) => name === known || name.startsWith(`${known}-`))
    .sort((a, b) => b.length - a.length)[0];
  if (match !== undefined) return PRICES[match];
  const main = SPECS[name]?.price_data?.main;
  if (main?.input === undefined || main.output === undefined) return undefined;
  return { inputUsdPerMillion: main.input, outputUsdPerMillion: main.output };
}

function baseName(model: string): string {
  return model.slice(model.lastIndexOf('/') + 1).toLowerCase();
}
