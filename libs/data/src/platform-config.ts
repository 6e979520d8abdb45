import { z } from 'zod';
import { isEncryptionKey } from './secret-box';

const encryptionKey = z.string().refine(isEncryptionKey, 'must be 32 bytes, as 64 hex characters or base64');

/** Settings every Parley process shares: where Postgres and Redis are, and the Redis key prefix. */
export const platformConfigSchema = z.object({
  DATABASE_URL: z.string().url().default('postgresql://postgres@127.0.0.1:5432/parley'),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  REDIS_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9_.:-]+$/)
    .default('parley'),
  /** Where the local attachment storage keeps files (relative to the working directory). */
  UPLOAD_DIR: z.string().min(1).default('.parley/uploads'),
  /** Encrypts provider API keys at rest; `npm start` generates one into .parley/ when unset. */
  PARLEY_ENCRYPTION_KEY: encryptionKey.optional(),
  /** Earlier keys, comma-separated, still accepted for reading after a rotation. */
  PARLEY_ENCRYPTION_KEY_PREVIOUS: z
    .string()
    .transform((value) => value.split(',').map((key) => key.trim()).filter((key) => key !== ''))
    .pipe(z.array(encryptionKey))
    .default([]),
});
export type PlatformConfig = z.infer<typeof platformConfigSchema>;

/** Prints `host:port` of a connection URL without its credentials. */
export function describeAddress(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || (parsed.protocol.startsWith('redis') ? '6379' : '5432')}`;
  } catch {
    return '(unparseable address)';
  }
}

/** Key layout in Redis for one deployment (tests give each Jest worker its own prefix). */
export function redisKeys(prefix: string) {
  return {
    bullPrefix: `${prefix}:bull`,
    socketIoKey: `${prefix}:socket.io`,
    /** Pub/sub channel on which an agent's takeover cancels a streaming bot turn. */
    turnCancelChannel: `${prefix}:turn-cancel`,
    turnLock: (conversationId: string) => `${prefix}:turn-lock:${conversationId}`,
    handledMessage: (messageId: string) => `${prefix}:handled:${messageId}`,
    rateLimit: (bucket: string, key: string) => `${prefix}:rl:${bucket}:${key}`,
  };
}

/** Environment variables with empty values dropped: `FOO=` (as compose passes unset ones) means unset. */
export function definedEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''),
  );
}

/** Validates the environment against a process's config schema, naming every bad variable. */
export function parseConfig<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv): z.output<S> {
  const parsed = schema.safeParse(definedEnv(env));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`invalid configuration: ${problems}`);
  }
  return parsed.data;
}
