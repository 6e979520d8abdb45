import { Logger } from '@nestjs/common';
import type { Ack } from '@parley/contracts';
import { toErrorResponse } from '../http/error.filter';

const logger = new Logger('socket');

/** Runs a socket handler and turns its outcome into the contract's ack shape. */
export async function toAck<T extends object>(work: () => Promise<T>): Promise<Ack<T>> {
  try {
    return { ok: true, ...(await work()) };
  } catch (error) {
    return { ok: false, error: toErrorResponse(error, logger).body.error };
  }
}
