import {
  ConflictError,
  DependencyUnavailableError,
  DomainError,
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
  PayloadTooLargeError,
  RateLimitedError,
  UnauthorizedError,
  ValidationError,
} from './errors';

describe('domain errors', () => {
  it.each([
    [new NotFoundError('conversation'), 404, 'not_found', 'conversation not found'],
    [
      new ConflictError('already_taken', 'another agent holds it'),
      409,
      'already_taken',
      'another agent holds it',
    ],
    [
      new ValidationError('email', 'must be an e-mail address'),
      400,
      'invalid_input',
      'email: must be an e-mail address',
    ],
    [new ValidationError('email', 'email is required'), 400, 'invalid_input', 'email is required'],
    [new UnauthorizedError(), 401, 'unauthorized', 'authentication required'],
    [new ForbiddenError('admins only'), 403, 'forbidden', 'admins only'],
    [
      new PayloadTooLargeError('text', 10_000),
      413,
      'payload_too_large',
      'text is too large: at most 10000 characters',
    ],
    [new RateLimitedError(30), 429, 'rate_limited', 'too many requests, try again later'],
    [new DependencyUnavailableError('redis'), 503, 'dependency_unavailable', 'redis is unavailable'],
    [
      new InvalidTransitionError('agent', 'escalate'),
      409,
      'invalid_transition',
      'cannot escalate a conversation whose status is agent',
    ],
  ])('%p has status %i, code %s and a message for a person', (error, status, code, message) => {
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toBeInstanceOf(Error);
    expect(error.status).toBe(status);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
    expect(error.code).toMatch(/^[a-z]+(?:_[a-z]+)*$/);
  });

  it('names errors after their class and keeps their details', () => {
    const error = new PayloadTooLargeError('attachment', 5_000_000, 'bytes');
    expect(error.name).toBe('PayloadTooLargeError');
    expect(error).toMatchObject({ field: 'attachment', max: 5_000_000 });
    expect(new RateLimitedError(12).retryAfterSeconds).toBe(12);
    expect(new NotFoundError('inbox').resource).toBe('inbox');
  });
});
