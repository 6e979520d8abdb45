import { mockReply, startMockOpenAI, type MockOpenAI } from '@parley/testing';
import type { ChatMessage } from './chat-types';
import { ESCALATE_TOOL } from './escalate-tool';
import { isAbortError, LlmError } from './llm-error';
import { OpenAICompatibleClient, type OpenAICompatibleClientOptions } from './openai-compatible.client';

const API_KEY = 'sk-test-0123456789abcdef';
const SYSTEM = 'You are the support bot of Acme Coffee. Answer from the articles only.';
const QUESTION = 'When does the store open on Sundays?';
const MESSAGES: ChatMessage[] = [
  { role: 'system', content: SYSTEM },
  { role: 'user', content: QUESTION },
];

describe('OpenAICompatibleClient against a mock OpenAI server', () => {
  let mock: MockOpenAI;

  beforeAll(async () => {
    mock = await startMockOpenAI();
  });
  afterEach(() => mock.reset());
  afterAll(() => mock.close());

  const client = (options: Partial<OpenAICompatibleClientOptions> = {}) =>
    new OpenAICompatibleClient({ baseURL: mock.baseUrl, apiKey: API_KEY, maxRetries: 0, ...options });

  const rejection = async (promise: Promise<unknown>): Promise<unknown> => {
    try {
      await promise;
    } catch (error) {
      return error;
    }
    throw new Error('expected the call to fail, but it succeeded');
  };

  it('streams the reply as ordered deltas that join to the full text, with usage and finish reason', async () => {
    const answer = 'On Sundays the store opens at ten and closes at four.';
    mock.enqueue(mockReply.text(answer));
    const deltas: Array<[string, number]> = [];

    const result = await client().streamChat({
      model: 'gpt-4o-mini',
      messages: MESSAGES,
      onDelta: (delta, index) => deltas.push([delta, index]),
    });

    expect(deltas.length).toBeGreaterThan(5);
    expect(deltas.map(([, index]) => index)).toEqual(deltas.map((_, i) => i));
    expect(deltas.map(([delta]) => delta).join('')).toBe(answer);
    expect(result).toEqual({
      text: answer,
      toolCalls: [],
      usage: {
        promptTokens: Math.ceil((SYSTEM.length + QUESTION.length) / 4),
        completionTokens: Math.ceil(answer.length / 4),
      },
      usageReported: true,
      model: 'gpt-4o-mini',
      finishReason: 'stop',
    });
  });

  it('sends the model, messages, tools, sampling options and the key, and asks for usage in the stream', async () => {
    const history: ChatMessage[] = [
      ...MESSAGES,
      { role: 'assistant', content: '', toolCalls: [{ id: 'call_1', name: 'lookup', arguments: { q: 'hours' } }] },
      { role: 'tool', toolCallId: 'call_1', content: 'Sunday: 10:00-16:00' },
    ];

    await client().streamChat({ model: 'gpt-4.1-mini', messages: history, tools: [ESCALATE_TOOL], temperature: 0.2, maxTokens: 300 });

    expect(mock.requests).toHaveLength(1);
    const { body, headers } = mock.requests[0];
    expect(headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(body).toMatchObject({
      model: 'gpt-4.1-mini',
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0.2,
      max_tokens: 300,
      messages: [
        { role: 'system', content: SYSTEM },
        { role: 'user', content: QUESTION },
        {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{"q":"hours"}' } }],
        },
        { role: 'tool', tool_call_id: 'call_1', content: 'Sunday: 10:00-16:00' },
      ],
      tools: [
        {
          type: 'function',
          function: {
            name: 'escalate_to_human',
            description: expect.stringContaining('person'),
            parameters: { type: 'object', required: ['reason'], properties: { reason: { type: 'string' } } },
          },
        },
      ],
    });
  });

  it('assembles a streamed tool call and its JSON arguments alongside text', async () => {
    const args = { reason: 'The visitor asked twice to speak with a person about a refund.' };
    mock.enqueue(mockReply.toolCall('escalate_to_human', args, { text: 'Let me get a colleague for you.' }));

    const result = await client().streamChat({ model: 'gpt-4o', messages: MESSAGES, tools: [ESCALATE_TOOL] });

    expect(result.text).toBe('Let me get a colleague for you.');
    expect(result.toolCalls).toEqual([{ id: expect.stringMatching(/^call_/), name: 'escalate_to_human', arguments: args }]);
    expect(result.finishReason).toBe('tool_calls');
  });

  it('keeps invalid tool arguments under _raw instead of failing the turn', async () => {
    mock.enqueue(mockReply.toolCall('escalate_to_human', '{"reason": "angry visit'));

    const result = await client().streamChat({ model: 'gpt-4o', messages: MESSAGES, tools: [ESCALATE_TOOL] });

    expect(result.toolCalls[0].arguments).toEqual({ _raw: '{"reason": "angry visit' });
  });

  it('surfaces a 500 as an http LlmError with its status', async () => {
    mock.enqueue(mockReply.error(500));

    const error = await rejection(client({ maxRetries: 0 }).streamChat({ model: 'gpt-4o', messages: MESSAGES }));

    expect(error).toBeInstanceOf(LlmError);
    expect(error).toMatchObject({ kind: 'http', status: 500, retryable: true });
    expect(mock.requests).toHaveLength(1);
  });

  it('never puts the API key in an error message, even when the provider echoes it', async () => {
    mock.enqueue(mockReply.error(401, { message: `Incorrect API key provided: ${API_KEY}.` }));

    const error = await rejection(client().streamChat({ model: 'gpt-4o', messages: MESSAGES }));

    expect(error).toMatchObject({ kind: 'http', status: 401, retryable: false });
    expect((error as LlmError).message).toContain('Incorrect API key provided');
    expect((error as LlmError).message).not.toContain(API_KEY);
  });

  it('retries a 429 when retries are allowed, then streams the answer', async () => {
    mock.enqueue(mockReply.error(429, { headers: { 'retry-after-ms': '10' } }), mockReply.text('Back again.'));

    const result = await client({ maxRetries: 1 }).streamChat({ model: 'gpt-4o', messages: MESSAGES });

    expect(result.text).toBe('Back again.');
    expect(mock.requests).toHaveLength(2);
  });

  it('stops promptly when aborted mid-stream and reports an abort', async () => {
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    mock.enqueue(mockReply.text(words, { chunkDelayMs: 100 }));
    const controller = new AbortController();
    const deltas: string[] = [];
    const started = Date.now();

    const error = await rejection(
      client().streamChat({
        model: 'gpt-4o',
        messages: MESSAGES,
        signal: controller.signal,
        onDelta: (delta) => {
          deltas.push(delta);
          if (deltas.length === 2) controller.abort();
        },
      }),
    );

    expect(isAbortError(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'aborted' });
    expect(Date.now() - started).toBeLessThan(1_000); // the whole reply would take 4 s
    expect(deltas).toHaveLength(2);
  });

  it('stops promptly when aborted while the SDK waits to retry', async () => {
    mock.enqueue(mockReply.error(503, { headers: { 'retry-after-ms': '1000' } }));
    const signal = AbortSignal.timeout(50);
    const started = Date.now();

    const error = await rejection(client({ maxRetries: 1 }).streamChat({ model: 'gpt-4o', messages: MESSAGES, signal }));

    expect(isAbortError(error)).toBe(true);
    expect(Date.now() - started).toBeLessThan(600); // the back-off alone is 1 s
  });

  it('rejects a stream cut mid-way instead of returning a truncated reply', async () => {
    mock.enqueue(mockReply.cut('one two three four five six seven eight', 4));
    const deltas: string[] = [];

    const error = await rejection(
      client().streamChat({ model: 'gpt-4o', messages: MESSAGES, onDelta: (delta) => deltas.push(delta) }),
    );

    expect(error).toBeInstanceOf(LlmError);
    expect(error).toMatchObject({ kind: 'network' });
    expect(isAbortError(error)).toBe(false);
    expect(deltas.join('')).toBe('one two three ');
  });

  it('times out when the model goes silent for longer than timeoutMs', async () => {
    mock.enqueue(mockReply.text('Too slow to be useful.', { firstTokenDelayMs: 5_000 }));
    const started = Date.now();

    const error = await rejection(client({ timeoutMs: 200 }).streamChat({ model: 'gpt-4o', messages: MESSAGES }));

    expect(error).toMatchObject({ kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('reports an unreachable endpoint as a network error', async () => {
    const gone = await startMockOpenAI();
    const baseURL = gone.baseUrl;
    await gone.close();

    const error = await rejection(
      new OpenAICompatibleClient({ baseURL, apiKey: API_KEY, maxRetries: 0 }).streamChat({ model: 'gpt-4o', messages: MESSAGES }),
    );

    expect(error).toMatchObject({ kind: 'network' });
    expect((error as LlmError).message).not.toContain(API_KEY);
  });

  it('lets an error thrown by onDelta through unchanged rather than blaming the provider', async () => {
    const bug = new Error('socket emitter exploded');

    const error = await rejection(
      client().streamChat({
        model: 'gpt-4o',
        messages: MESSAGES,
        onDelta: () => {
          throw bug;
        },
      }),
    );

    expect(error).toBe(bug);
  });
});

describe('OpenAICompatibleClient for Azure OpenAI and extra headers', () => {
  let mock: MockOpenAI;

  beforeAll(async () => {
    mock = await startMockOpenAI();
  });
  afterAll(() => mock.close());

  it('sends the key as api-key, the model as the deployment, and api-version in the query', async () => {
    const client = new OpenAICompatibleClient({
      baseURL: mock.baseUrl.replace(/\/v1$/, ''),
      apiKey: API_KEY,
      azure: true,
      query: { 'api-version': '2024-10-21' },
      headers: { 'X-Team': 'support' },
      maxRetries: 0,
    });
    mock.enqueue(mockReply.text('Hello from Azure.'));
    const result = await client.streamChat({ model: 'support-gpt4o', messages: MESSAGES });

    expect(result.text).toBe('Hello from Azure.');
    const [request] = mock.requests;
    expect(request?.path).toBe('/openai/deployments/support-gpt4o/chat/completions');
    expect(request?.query).toEqual({ 'api-version': '2024-10-21' });
    expect(request?.headers['api-key']).toBe(API_KEY);
    expect(request?.headers['x-team']).toBe('support');
  });
});
