import type { ChatCompletion, ChatCompletionChunk } from 'openai/resources/chat/completions';
import { startMockOpenAI, type MockOpenAI } from './mock-openai-server';
import { mockReply } from './mock-replies';

const USER_TEXT = 'Where is my order #1234?';
const chatBody = (extra: Record<string, unknown> = {}) => ({
  model: 'gpt-4o-mini',
  messages: [{ role: 'user', content: USER_TEXT }],
  ...extra,
});

/** The SSE `data:` payloads of a response, in order. */
async function sseData(response: Response): Promise<string[]> {
  const events = (await response.text()).split('\n\n').filter((event) => event !== '');
  for (const event of events) expect(event).toMatch(/^data: /);
  return events.map((event) => event.slice('data: '.length));
}

const chunks = (data: string[]): ChatCompletionChunk[] =>
  data.filter((d) => d !== '[DONE]').map((d) => JSON.parse(d) as ChatCompletionChunk);

const contentOf = (events: ChatCompletionChunk[]) => events.map((e) => e.choices[0]?.delta.content ?? '').join('');

describe('startMockOpenAI', () => {
  let mock: MockOpenAI;

  beforeAll(async () => {
    mock = await startMockOpenAI();
  });
  afterEach(() => mock.reset());
  afterAll(() => mock.close());

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${mock.baseUrl}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer sk-mock', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('listens on 127.0.0.1 with a base URL ending in /v1', () => {
    expect(mock.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
  });

  it('streams text as several chunks, then a usage chunk and [DONE] when usage is requested', async () => {
    mock.enqueue(mockReply.text('Your order ships tomorrow morning.'));

    const response = await post(chatBody({ stream: true, stream_options: { include_usage: true } }));
    const data = await sseData(response);
    const events = chunks(data);

    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(data.at(-1)).toBe('[DONE]');
    expect(events.every((e) => e.object === 'chat.completion.chunk' && e.model === 'gpt-4o-mini')).toBe(true);
    expect(events.filter((e) => e.choices[0]?.delta.content).length).toBeGreaterThan(3);
    expect(contentOf(events)).toBe('Your order ships tomorrow morning.');
    expect(events.at(-2)?.choices[0]?.finish_reason).toBe('stop');
    expect(events.at(-1)).toMatchObject({
      choices: [],
      usage: { prompt_tokens: Math.ceil(USER_TEXT.length / 4), completion_tokens: Math.ceil(34 / 4) },
    });
  });

  it('sends no usage chunk when it was not requested', async () => {
    const events = chunks(await sseData(await post(chatBody({ stream: true }))));

    expect(events.some((e) => e.usage)).toBe(false);
    expect(events.at(-1)?.choices[0]?.finish_reason).toBe('stop');
  });

  it('streams a tool call like OpenAI: id and name first, then argument fragments', async () => {
    const args = { reason: 'Visitor asked for a human about a refund' };
    mock.enqueue(mockReply.toolCall('escalate_to_human', args));

    const events = chunks(await sseData(await post(chatBody({ stream: true }))));
    const fragments = events.flatMap((e) => e.choices[0]?.delta.tool_calls ?? []);

    expect(fragments[0]).toMatchObject({ index: 0, id: expect.stringMatching(/^call_/), function: { name: 'escalate_to_human' } });
    expect(fragments.length).toBeGreaterThan(3);
    expect(fragments.slice(1).every((f) => f.id === undefined && f.function?.name === undefined)).toBe(true);
    expect(JSON.parse(fragments.map((f) => f.function?.arguments ?? '').join(''))).toEqual(args);
    expect(events.at(-1)?.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it('answers stream: false with one chat.completion object and usage', async () => {
    mock.enqueue(mockReply.toolCall('escalate_to_human', { reason: 'angry' }, { text: 'One moment.' }));

    const completion = (await (await post(chatBody())).json()) as ChatCompletion;
    const promptTokens = Math.ceil(USER_TEXT.length / 4);
    // Text, tool name and arguments all count as generated characters.
    const completionTokens = Math.ceil(('One moment.' + 'escalate_to_human' + '{"reason":"angry"}').length / 4);

    expect(completion).toMatchObject({
      object: 'chat.completion',
      model: 'gpt-4o-mini',
      choices: [
        {
          finish_reason: 'tool_calls',
          message: {
            role: 'assistant',
            content: 'One moment.',
            tool_calls: [{ type: 'function', function: { name: 'escalate_to_human', arguments: '{"reason":"angry"}' } }],
          },
        },
      ],
      usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
    });
  });

  it('consumes scripted replies in order, then falls back to the default', async () => {
    mock.enqueue(mockReply.text('first'), mockReply.text('second'));
    mock.setDefaultReply(mockReply.text('default'));

    const texts: string[] = [];
    for (let i = 0; i < 3; i++) {
      const completion = (await (await post(chatBody())).json()) as ChatCompletion;
      texts.push(completion.choices[0].message.content ?? '');
    }

    expect(texts).toEqual(['first', 'second', 'default']);
    expect(mock.pendingReplies).toBe(0);
  });

  it('lets a reply function choose from the request', async () => {
    mock.setDefaultReply((req) => mockReply.text(req.body.model === 'gpt-4o' ? 'big model' : 'small model'));

    const big = (await (await post(chatBody({ model: 'gpt-4o' }))).json()) as ChatCompletion;
    const small = (await (await post(chatBody())).json()) as ChatCompletion;

    expect([big.choices[0].message.content, small.choices[0].message.content]).toEqual(['big model', 'small model']);
  });

  it('records each request body and its headers; reset forgets them and the script', async () => {
    await post(chatBody({ temperature: 0.3 }), { 'x-trace': 'abc' });

    expect(mock.requests).toEqual([
      {
        method: 'POST',
        path: '/v1/chat/completions',
        query: {},
        headers: expect.objectContaining({ authorization: 'Bearer sk-mock', 'x-trace': 'abc' }),
        body: chatBody({ temperature: 0.3 }),
      },
    ]);

    mock.enqueue(mockReply.text('never sent'));
    mock.setDefaultReply(mockReply.text('custom default'));
    mock.reset();
    const completion = (await (await post(chatBody())).json()) as ChatCompletion;

    expect(mock.requests).toHaveLength(1);
    expect(completion.choices[0].message.content).toBe('Hello! How can I help you today?');
  });

  it('returns a scripted HTTP error in OpenAI error shape, with its headers', async () => {
    mock.enqueue(mockReply.error(429, { headers: { 'retry-after': '1' } }));

    const response = await post(chatBody({ stream: true }));

    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(await response.json()).toEqual({
      error: { message: expect.any(String), type: 'requests', param: null, code: 'rate_limit_exceeded' },
    });
  });

  it('cuts a stream by destroying the socket after the given number of chunks', async () => {
    mock.enqueue(mockReply.cut('one two three four five', 3));
    const response = await post(chatBody({ stream: true }));
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let received = '';

    const readAll = async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        received += decoder.decode(value, { stream: true });
      }
    };

    await expect(readAll()).rejects.toThrow();
    expect(received).not.toContain('[DONE]');
    expect(contentOf(chunks(received.split('\n\n').filter(Boolean).map((e) => e.slice(6))))).toBe('one two ');
  });

  it('waits firstTokenDelayMs before the first chunk', async () => {
    mock.enqueue(mockReply.text('late', { firstTokenDelayMs: 150 }));
    const started = Date.now();

    await sseData(await post(chatBody({ stream: true })));

    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('reports the same usage for the same request', async () => {
    const usage = async () => ((await (await post(chatBody())).json()) as ChatCompletion).usage;

    expect(await usage()).toEqual(await usage());
  });

  it('lists models', async () => {
    const response = await fetch(`${mock.baseUrl}/models`);

    expect(await response.json()).toEqual({
      object: 'list',
      data: expect.arrayContaining([expect.objectContaining({ id: 'gpt-4o-mini', object: 'model' })]),
    });
  });

  it('refuses a body that is not a chat request, without recording it', async () => {
    const response = await post('{"model": "gpt-4o"');

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { type: 'invalid_request_error' } });
    expect(mock.requests).toHaveLength(0);
  });
});
