import { estimateCostUsd, knownModelFacts } from './pricing';

const million = { promptTokens: 1_000_000, completionTokens: 1_000_000 };

describe('estimateCostUsd', () => {
  it('prices input and output tokens separately, per million', () => {
    expect(estimateCostUsd('gpt-4o-mini', { promptTokens: 2_000, completionTokens: 500 })).toBeCloseTo(
      (2_000 * 0.15 + 500 * 0.6) / 1_000_000,
      12,
    );
  });

  it.each([
    ['gpt-4o', 12.5],
    ['gpt-4o-mini', 0.75],
    ['gpt-4.1', 10],
    ['gpt-4.1-mini', 2],
    ['gpt-4.1-nano', 0.5],
  ])('knows %s', (model, usd) => {
    expect(estimateCostUsd(model, million)).toBeCloseTo(usd, 10);
  });

  it('prices a dated snapshot as its family, not as a shorter family name', () => {
    expect(estimateCostUsd('gpt-4o-mini-2024-07-18', million)).toBeCloseTo(0.75, 10);
    expect(estimateCostUsd('gpt-4.1-nano-2025-04-14', million)).toBeCloseTo(0.5, 10);
    expect(estimateCostUsd('openai/gpt-4o', million)).toBeCloseTo(12.5, 10);
  });

  it('costs 0 for a model it does not know', () => {
    expect(estimateCostUsd('llama3.1:8b', million)).toBe(0);
    expect(estimateCostUsd('gpt-4oops', million)).toBe(0);
  });
});

describe('estimateCostUsd with configured prices and model data', () => {
  it('uses the provider configuration before any built-in price', () => {
    expect(estimateCostUsd('gpt-4o', { promptTokens: 1_000_000, completionTokens: 0 }, { inputUsdPerMillion: 1 })).toBeCloseTo(1);
    expect(estimateCostUsd('llama3', { promptTokens: 2_000_000, completionTokens: 1_000_000 }, { inputUsdPerMillion: 0.5, outputUsdPerMillion: 2 })).toBeCloseTo(3);
  });

  it('falls back to gpt-tokenizer model data for OpenAI models missing from the table', () => {
    expect(estimateCostUsd('gpt-3.5-turbo', { promptTokens: 1_000_000, completionTokens: 1_000_000 })).toBeCloseTo(2);
  });

  it('knows context windows and vision from gpt-tokenizer', () => {
    expect(knownModelFacts('gpt-4o-mini')).toEqual({ contextWindow: 128_000, vision: true });
    expect(knownModelFacts('llama3')).toEqual({});
  });
});
