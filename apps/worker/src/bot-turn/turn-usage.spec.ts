import { OpenAICompatibleClient, type ChatMessage } from '@parley/llm';
import type { ResolvedTarget } from './provider-directory';
import { turnUsage } from './turn-usage';

const target: ResolvedTarget = {
  providerKey: 'p',
  providerName: 'local',
  model: 'llama3',
  client: new OpenAICompatibleClient({ baseURL: 'http://127.0.0.1:9/v1', apiKey: 'none' }),
  price: { inputUsdPerMillion: 1_000, outputUsdPerMillion: 2_000 },
};
const prompt: ChatMessage[] = [
  { role: 'system', content: 'You help Acme customers.' },
  { role: 'user', content: 'Where is my invoice?' },
];
const result = {
  text: 'Under Settings, Billing.',
  toolCalls: [],
  model: 'llama3',
  finishReason: 'stop',
  target,
};

describe('turnUsage', () => {
  it('uses the usage the provider reported, priced from the provider configuration', () => {
    const usage = turnUsage(prompt, { ...result, usage: { promptTokens: 100, completionTokens: 10 }, usageReported: true });
    expect(usage).toEqual({ promptTokens: 100, completionTokens: 10, costUsd: 0.12, estimated: false });
  });

  it('counts tokens locally, and says so, when the provider reported none', () => {
    const usage = turnUsage(prompt, { ...result, usage: { promptTokens: 0, completionTokens: 0 }, usageReported: false });
    expect(usage.estimated).toBe(true);
    expect(usage.promptTokens).toBeGreaterThan(10);
    expect(usage.completionTokens).toBeGreaterThan(3);
    expect(usage.costUsd).toBeCloseTo((usage.promptTokens * 1_000 + usage.completionTokens * 2_000) / 1_000_000, 9);
  });
});
