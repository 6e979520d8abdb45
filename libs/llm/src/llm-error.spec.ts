import { APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { isAbortError, LlmError, toLlmError } from './llm-error';

describe('isAbortError', () => {
  it('recognises aborts from any layer', () => {
    expect(isAbortError(new LlmError('aborted', 'stopped'))).toBe(true);
    expect(isAbortError(new APIUserAbortError())).toBe(true);
    expect(isAbortError(new DOMException('The operation was aborted.', 'AbortError'))).toBe(true);
  });

  it('does not mistake other failures for aborts', () => {
    expect(isAbortError(new LlmError('timeout', 'slow'))).toBe(false);
    expect(isAbortError(new Error('boom'))).toBe(false);
    expect(isAbortError('AbortError')).toBe(false);
  });
});

describe('toLlmError', () => {
  it('maps SDK errors to kinds', () => {
    expect(toLlmError(new APIConnectionTimeoutError(), 'k')).toMatchObject({ kind: 'timeout' });
    expect(toLlmError(APIError.generate(429, { message: 'slow down' }, undefined, new Headers()), 'k')).toMatchObject({
      kind: 'http',
      status: 429,
      retryable: true,
    });
    expect(toLlmError(new APIError(undefined, { message: 'overloaded' }, undefined, undefined), 'k')).toMatchObject({
      kind: 'bad_response',
    });
    expect(toLlmError(new SyntaxError('Unexpected token'), 'k')).toMatchObject({ kind: 'bad_response' });
  });

  it('does not retry a client error or an abort', () => {
    expect(new LlmError('http', 'bad request', 400).retryable).toBe(false);
    expect(new LlmError('aborted', 'stopped').retryable).toBe(false);
    expect(new LlmError('network', 'reset').retryable).toBe(true);
  });
});
