import { parseConfig, platformConfigSchema } from '@parley/data';
import { z } from 'zod';

/** The worker's configuration, validated once at boot. The API key is never logged. */
export const workerConfigSchema = platformConfigSchema.extend({
  OPENAI_BASE_URL: z.string().url().default('https://api.openai.com/v1'),
  OPENAI_API_KEY: z.string().min(1).optional(),
  LLM_MODEL: z.string().min(1).default('gpt-4o-mini'),
  /** Abandon a model that has not sent its first token after this long, and try the next. */
  LLM_FIRST_TOKEN_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  LLM_TOTAL_TIMEOUT_MS: z.coerce.number().int().min(1_000).default(60_000),
  /** LLM analysis of a visitor message (personas in `llm` analysis mode) gives up after this long. */
  LLM_ANALYSIS_TIMEOUT_MS: z.coerce.number().int().min(100).default(3_000),
  /** Write the agents' handoff summary with the LLM (one more model call per escalation); else extractive. */
  LLM_HANDOFF_SUMMARY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  /** The LLM handoff summary gives up after this long; the extractive one is used instead. */
  LLM_SUMMARY_TIMEOUT_MS: z.coerce.number().int().min(100).default(8_000),
  /** What a visitor is told to expect when recent first replies give no estimate. */
  EXPECTED_REPLY_MINUTES: z.coerce.number().int().min(1).max(10_080).default(5),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
});
export type WorkerConfig = z.infer<typeof workerConfigSchema>;

export const WORKER_CONFIG = Symbol('WORKER_CONFIG');

export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  return parseConfig(workerConfigSchema, env);
}
