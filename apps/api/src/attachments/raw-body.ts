import { PayloadTooLargeError } from '@parley/domain';
import type { Request } from 'express';

// A body this many times over the limit is not read to its end: the connection is dropped.
const DRAIN_FACTOR = 4;

/**
 * Reads a raw request body of at most `maxBytes`. A larger one is 413; it is read to its end (up
 * to a bound) before the answer, so the client, still sending, receives the 413 rather than a
 * reset connection.
 */
export function readRawBody(request: Request, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? NaN);
    const tooLarge = () => new PayloadTooLargeError('file', maxBytes, 'bytes');
    if (declared > maxBytes * DRAIN_FACTOR) {
      request.destroy();
      reject(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let received = 0;
    request.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received <= maxBytes) chunks.push(chunk);
      else if (received > maxBytes * DRAIN_FACTOR) request.destroy();
    });
    request.on('end', () => (received > maxBytes ? reject(tooLarge()) : resolve(Buffer.concat(chunks, received))));
    request.on('close', () => {
      if (!request.complete) reject(received > maxBytes ? tooLarge() : new Error('the upload was interrupted'));
    });
    request.on('error', reject);
  });
}
