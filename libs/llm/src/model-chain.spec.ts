import { mockReply, startMockOpenAI, type MockOpenAI } from '@parley/testing';
import type { ChatMessage } from './chat-types';
import { ChainExhaustedError, completeWithChain, ProviderCircuits, type ChainTarget, type ResilienceOptions } from './model-chain';
import { OpenAICompatibleClient } from './openai-compatible.client';

const MESSAGES: ChatMessage[] = [
  { role: 'system', content: 'You answer questions about Acme invoices.' },
  { role: 'user', content: 'Where are my invoices?' },
];
const OPTIONS: ResilienceOptions = {
  totalTimeoutMs: 5_000,
  retryAttempts: 2,
  retryInitialDelayMs: 5,
  breakerFailures: 3,
  breakerHalfOpenAfterMs: 60_000,
};

describe('completeWithChain against mock OpenAI servers', () => {
  let primary: MockOpenAI;
  let backup: MockOpenAI;

  beforeAll(async () => {
    [primary, backup] = await Promise.all([startMockOpenAI(), startMockOpenAI()]);
  });
  afterEach(() => {
    primary.reset();
    backup.reset();
  });
  afterAll(async () => {
    await primary.close();
    await backup.close();
  });

  const target = (mock: MockOpenAI, name: string, model: string, firstTokenTimeoutMs = 2_000): ChainTarget => ({
    providerKey: name,
    providerName: name,
    model,
    client: new OpenAICompatibleClient({ baseURL: mock.baseUrl, apiKey: 'sk-test', maxRetries: 0, timeoutMs: firstTokenTimeoutMs }),
  });

  async function run(targets: ChainTarget[], circuits = new ProviderCircuits(OPTIONS)) {
    const deltas: string[] = [];
    const dropped: Array<{ provider: string; text: string; shownBefore: string }> = [];
    const result = await completeWithChain(targets, { messages: MESSAGES, signal: new AbortController().signal }, circuits, OPTIONS, {
      onDelta: (delta) => deltas.push(delta),
      onDiscard: ({ target, text }) => {
        dropped.push({ provider: target.providerName, text, shownBefore: deltas.join('') });
        deltas.length = 0;
      },
    });
    return { result, shown: deltas.join(''), discards: dropped.length, dropped };
  }

  it('retries a 500 with backoff, then falls back to the next provider', async () => {
    primary.setDefaultReply(mockReply.error(500, { message: 'overloaded' }));
    backup.enqueue(mockReply.text('Invoices are under Billing.'));
    const { result, shown, discards } = await run([target(primary, 'a', 'm1'), target(backup, 'b', 'm2')]);
    expect(result.text).toBe('Invoices are under Billing.');
    expect(result.target.providerName).toBe('b');
    expect(primary.requests).toHaveLength(2);
    expect(shown).toBe('Invoices are under Billing.');
    expect(discards).toBe(0);
  });

  it('does not retry a request the provider refuses as invalid', async () => {
    primary.setDefaultReply(mockReply.error(400, { message: 'bad model' }));
    await run([target(primary, 'a', 'm1'), target(backup, 'b', 'm2')]);
    expect(primary.requests).toHaveLength(1);
  });

  it('falls back when the first token does not come in time', async () => {
    primary.setDefaultReply(mockReply.text('too late', { firstTokenDelayMs: 2_000 }));
    backup.enqueue(mockReply.text('On time.'));
    const { result } = await run([target(primary, 'a', 'm1', 150), target(backup, 'b', 'm2')]);
    expect(result.text).toBe('On time.');
  });

  it('falls back when the stream is cut mid-way, telling the caller to discard the partial text', async () => {
    primary.enqueue(mockReply.cut('Invoices are in the bil', 3));
    backup.enqueue(mockReply.text('Invoices are under Billing.'));
    const { result, shown, discards, dropped } = await run([target(primary, 'a', 'm1'), target(backup, 'b', 'm2')]);
    expect(discards).toBe(1);
    // The caller learns what the cut model had streamed, to count its tokens.
    expect(dropped).toEqual([{ provider: 'a', text: dropped[0]!.shownBefore, shownBefore: expect.stringMatching(/^Invoices/) }]);
    expect(shown).toBe('Invoices are under Billing.');
    expect(result.text).toBe('Invoices are under Billing.');
    // Once tokens were shown, the cut model is not retried.
    expect(primary.requests).toHaveLength(1);
  });

  it('opens the circuit after repeated failures and then skips the provider without calling it', async () => {
    const circuits = new ProviderCircuits(OPTIONS);
    primary.setDefaultReply(mockReply.error(503));
    backup.setDefaultReply(mockReply.text('From the backup.'));
    await run([target(primary, 'a', 'm1'), target(backup, 'b', 'm2')], circuits);
    await run([target(primary, 'a', 'm1'), target(backup, 'b', 'm2')], circuits);
    expect(primary.requests).toHaveLength(3);
    expect(circuits.isOpen('a')).toBe(true);

    const { result } = await run([target(primary, 'a', 'm1'), target(backup, 'b', 'm2')], circuits);
    expect(primary.requests).toHaveLength(3);
    expect(result.text).toBe('From the backup.');
  });

  it('rejects with every link’s error when all fail', async () => {
    primary.setDefaultReply(mockReply.error(503));
    backup.setDefaultReply(mockReply.error(502));
    await expect(run([target(primary, 'a', 'm1'), target(backup, 'b', 'm2')])).rejects.toBeInstanceOf(ChainExhaustedError);
  });
});
