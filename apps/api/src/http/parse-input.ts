import { PayloadTooLargeError, ValidationError } from '@parley/domain';
import type { z } from 'zod';

/**
 * Parses untrusted input with a contract schema. The first problem becomes a domain error that
 * names the field: unknown fields and wrong types are 400, over-long text or lists are 413.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw new ValidationError('body', 'invalid input');
  const field = issue.path.length ? issue.path.join('.') : 'body';
  if (issue.code === 'unrecognized_keys') {
    const prefix = issue.path.length ? `${field}.` : '';
    const names = issue.keys.map((key) => `${prefix}${key}`);
    throw new ValidationError(names[0] ?? field, `unknown field${names.length > 1 ? 's' : ''}: ${names.join(', ')}`);
  }
  if (issue.code === 'too_big' && (issue.origin === 'string' || issue.origin === 'array')) {
    throw new PayloadTooLargeError(field, Number(issue.maximum));
  }
  throw new ValidationError(field, `${field}: ${issue.message}`);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids in paths: anything that is not a UUID cannot name a row, so it is simply not found. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
