import { parseToolArguments, ToolCallAssembler } from './tool-calls';

describe('parseToolArguments', () => {
  it('parses a JSON object', () => {
    expect(parseToolArguments('{"reason":"wants a human","urgent":true}')).toEqual({ reason: 'wants a human', urgent: true });
  });

  it('treats no arguments as an empty object', () => {
    expect(parseToolArguments('')).toEqual({});
  });

  it.each(['{"reason": "cut off', '["not", "an", "object"]', '"just a string"'])('keeps %s under _raw', (raw) => {
    expect(parseToolArguments(raw)).toEqual({ _raw: raw });
  });
});

describe('ToolCallAssembler', () => {
  it('joins interleaved fragments per index, keeping the first id and name', () => {
    const calls = new ToolCallAssembler();
    calls.add({ index: 1, id: 'call_b', function: { name: 'lookup', arguments: '{"q":' } });
    calls.add({ index: 0, id: 'call_a', function: { name: 'escalate_to_human', arguments: '' } });
    calls.add({ index: 0, function: { arguments: '{"reason":"an' } });
    calls.add({ index: 1, id: 'call_b', function: { name: 'lookup', arguments: '"hours"}' } });
    calls.add({ index: 0, function: { arguments: 'gry"}' } });

    expect(calls.result()).toEqual([
      { id: 'call_a', name: 'escalate_to_human', arguments: { reason: 'angry' } },
      { id: 'call_b', name: 'lookup', arguments: { q: 'hours' } },
    ]);
  });
});
