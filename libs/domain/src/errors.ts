import type { ConversationStatus } from '@parley/contracts';

/** The HTTP status a transport should use for a domain error; the domain itself never speaks HTTP. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 503;

/**
 * Base of every error the domain throws on purpose. One filter per transport maps it to the
 * contract's `{"error":{"code","message"}}` (REST) or `{ok:false,error}` (socket acks); anything
 * that is not a DomainError is an unexpected failure.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly status: ErrorStatus;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'not_found';
  readonly status = 404;

  constructor(readonly resource: string) {
    super(`${resource} not found`);
  }
}

export class ConflictError extends DomainError {
  readonly status = 409;

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class ValidationError extends DomainError {
  readonly code = 'invalid_input';
  readonly status = 400;

  constructor(
    readonly field: string,
    message: string,
  ) {
    super(mentionsField(message, field) ? message : `${field}: ${message}`);
  }
}

export class UnauthorizedError extends DomainError {
  readonly code = 'unauthorized';
  readonly status = 401;

  constructor(message = 'authentication required') {
    super(message);
  }
}

export class ForbiddenError extends DomainError {
  readonly code = 'forbidden';
  readonly status = 403;

  constructor(message = 'not allowed') {
    super(message);
  }
}

export class PayloadTooLargeError extends DomainError {
  readonly code = 'payload_too_large';
  readonly status = 413;

  constructor(
    readonly field: string,
    readonly max: number,
    unit = 'characters',
  ) {
    super(`${field} is too large: at most ${max} ${unit}`);
  }
}

/** 415: the content's real type (read from its bytes) is not one that is accepted here. */
export class UnsupportedMediaTypeError extends DomainError {
  readonly code = 'unsupported_media_type';
  readonly status = 415;

  constructor(message: string) {
    super(message);
  }
}

/** 429; transports send `retryAfterSeconds` as the `Retry-After` header. */
export class RateLimitedError extends DomainError {
  readonly code = 'rate_limited';
  readonly status = 429;

  constructor(
    readonly retryAfterSeconds: number,
    message = 'too many requests, try again later',
  ) {
    super(message);
  }
}

/** 503: a dependency (Postgres, Redis, the LLM endpoint...) does not answer. */
export class DependencyUnavailableError extends DomainError {
  readonly code = 'dependency_unavailable';
  readonly status = 503;

  constructor(readonly dependency: string) {
    super(`${dependency} is unavailable`);
  }
}

/** 409: the conversation's status does not allow the requested event. */
export class InvalidTransitionError extends DomainError {
  readonly code = 'invalid_transition';
  readonly status = 409;

  constructor(
    readonly from: ConversationStatus,
    readonly event: string,
    message = `cannot ${event} a conversation whose status is ${from}`,
  ) {
    super(message);
  }
}

function mentionsField(message: string, field: string): boolean {
  return message.toLowerCase().includes(field.toLowerCase());
}
