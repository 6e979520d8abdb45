/** The contract's error body: `{"error":{"code":"snake_case","message":"..."}}`. */
export interface ErrorBody {
  code: string;
  message: string;
  /** Present on 500s: the id under which the failure was logged. */
  errorId?: string;
  /** Present on 429s: seconds to wait before trying again (also the `Retry-After` header). */
  retryAfterSeconds?: number;
}

export interface ErrorResponse {
  error: ErrorBody;
}

export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: ErrorBody };
