import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { ErrorResponse } from '@parley/contracts';
import { DomainError, RateLimitedError } from '@parley/domain';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';

interface BodyParserError {
  type?: string;
  status?: number;
}

const statusCodes: Record<number, string> = {
  400: 'invalid_input',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'unavailable',
};

/** Maps every failure of a REST call to the contract's error shape; never a stack trace. */
export function toErrorResponse(error: unknown, logger: Logger): { status: number; body: ErrorResponse } {
  if (error instanceof RateLimitedError) {
    const body = { code: error.code, message: error.message, retryAfterSeconds: error.retryAfterSeconds };
    return { status: error.status, body: { error: body } };
  }
  if (error instanceof DomainError) {
    return { status: error.status, body: { error: { code: error.code, message: error.message } } };
  }
  const parserError = error as BodyParserError;
  if (parserError?.type === 'entity.too.large') {
    return { status: 413, body: { error: { code: 'payload_too_large', message: 'request body is too large' } } };
  }
  if (parserError?.type === 'entity.parse.failed') {
    return { status: 400, body: { error: { code: 'invalid_json', message: 'request body is not valid JSON' } } };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    // Nest re-throws body-parser's SyntaxError as a plain 400; our own validation never does.
    if (status === 400 && /JSON/.test(error.message)) {
      return { status, body: { error: { code: 'invalid_json', message: 'request body is not valid JSON' } } };
    }
    const message = status === 404 ? 'no such endpoint' : error.message;
    return { status, body: { error: { code: statusCodes[status] ?? 'error', message } } };
  }
  const errorId = randomUUID();
  logger.error(`unhandled error ${errorId}`, error instanceof Error ? error.stack : String(error));
  return {
    status: 500,
    body: { error: { code: 'internal_error', message: `something went wrong (error id ${errorId})`, errorId } },
  };
}

@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const { status, body } = toErrorResponse(error, this.logger);
    if (body.error.retryAfterSeconds) response.setHeader('Retry-After', String(body.error.retryAfterSeconds));
    response.status(status).json(body);
  }
}
