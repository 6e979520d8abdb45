import { parseConfig, platformConfigSchema } from '@parley/data';
import { z } from 'zod';

/** The API's configuration, validated once at boot. Secrets are never logged. */
export const apiConfigSchema = platformConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  /** Signs staff and visitor tokens; generated once and kept in the database when unset. */
  AUTH_SECRET: z.string().min(32).optional(),
  STAFF_TOKEN_TTL: z.string().default('12h'),
  /** The address websites load the widget from, used in embed snippets. */
  PUBLIC_URL: z.string().url().optional(),
  /** Largest attachment a visitor may upload, in bytes. */
  UPLOAD_MAX_BYTES: z.coerce.number().int().min(1).default(10 * 1024 * 1024),
  /** Only its presence is used here: bare model names in a persona need this default provider. */
  OPENAI_API_KEY: z.string().min(1).optional(),
});
export type ApiConfig = z.infer<typeof apiConfigSchema>;

export const API_CONFIG = Symbol('API_CONFIG');

export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  return parseConfig(apiConfigSchema, env);
}
