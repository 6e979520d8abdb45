import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';

export type LlmErrorKind = 'http' | 'timeout' | 'aborted' | 'network' | 'bad_response';

/** Every failure of a provider call, reduced to what a caller decides on. */
export class LlmError extends Error {
  override readonly name = 'LlmError';

  constructor(
    readonly kind: LlmErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }

  /** Whether trying again, or another model, may succeed. */
  get retryable(): boolean {
    if (this.kind === 'aborted') return false;
    if (this.kind !== 'http' || this.status === undefined) return true;
    return this.status === 408 || this.status === 409 || this.status === 429 || this.status >= 500;
  }
}

/** True for a call stopped by its caller's AbortSignal, whichever layer threw it. */
export function isAbortError(error: unknown): boolean {
  if (error instanceof LlmError) return error.kind === 'aborted';
  if (error instanceof APIUserAbortError) return true;
  // Duck-typed: a DOMException from another realm (worker, test sandbox) fails `instanceof Error`.
  return typeof error === 'object' && error !== null && 'name' in error && error.name === 'AbortError';
}

/** Maps an SDK or transport error; `secret` is scrubbed because some proxies echo the key back. */
export function toLlmError(error: unknown, secret: string): LlmError {
  if (error instanceof LlmError) return error;
  const message = redact(describe(error), secret);
  if (isAbortError(error)) return new LlmError('aborted', 'The model request was aborted');
  if (error instanceof APIConnectionTimeoutError) return new LlmError('timeout', `The model did not respond in time: ${message}`);
  if (error instanceof APIConnectionError) return new LlmError('network', message);
  if (error instanceof APIError) {
    // No status: the provider sent an error object inside a 200 stream.
    if (error.status === undefined) return new LlmError('bad_response', `The provider reported an error mid-stream: ${message}`);
    return new LlmError('http', message, error.status);
  }
  if (error instanceof SyntaxError) return new LlmError('bad_response', `The provider sent invalid JSON: ${message}`);
  return new LlmError('network', `The connection to the model failed: ${message}`);
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // undici reports a dropped stream as "terminated" and keeps the useful part in `cause`.
  return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
}

function redact(text: string, secret: string): string {
  return secret === '' ? text : text.split(secret).join('[redacted]');
}
