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
  /** Models that get the visitor's images as image parts: comma-separated `*` patterns, or `none` (docs/attachments.md). */
  LLM_VISION_MODELS: z.string().min(1).optional(),
  /** Larger images are not sent to the model (the transcript still says one was attached). */
  LLM_IMAGE_MAX_BYTES: z.coerce.number().int().min(1).default(5 * 1024 * 1024),
  /** Tries per model before its first token, with exponential backoff from LLM_RETRY_BASE_MS. */
  LLM_RETRY_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(2),
  LLM_RETRY_BASE_MS: z.coerce.number().int().min(1).max(60_000).default(250),
  /** A provider failing this many times in a row is skipped for LLM_BREAKER_HALF_OPEN_MS. */
  LLM_BREAKER_FAILURES: z.coerce.number().int().min(1).max(1_000).default(5),
  LLM_BREAKER_HALF_OPEN_MS: z.coerce.number().int().min(10).default(30_000),
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
  /** Uploads never sent with a message are deleted (row and file) after this many hours. */
  UNSENT_UPLOAD_TTL_HOURS: z.coerce.number().min(0.01).max(24 * 365).default(24),
  /** How often the worker looks for such uploads. */
  UNSENT_UPLOAD_SWEEP_MINUTES: z.coerce.number().min(0.01).max(24 * 60).default(60),
  /** Set to embed articles and retrieve with full-text + vectors; unset: full-text only. */
  EMBEDDINGS_MODEL: z.string().min(1).optional(),
  /** Defaults to OPENAI_BASE_URL. */
  EMBEDDINGS_BASE_URL: z.string().url().optional(),
  /** Defaults to OPENAI_API_KEY. */
  EMBEDDINGS_API_KEY: z.string().min(1).optional(),
  /** A question not embedded within this is answered from full-text retrieval alone. */
  EMBEDDINGS_QUERY_TIMEOUT_MS: z.coerce.number().int().min(50).default(2_000),
  /**
   * Knowledge-base mode (no LLM) also quotes a passage whose cosine similarity to the question
   * reaches this, even when it shares few words with it. Depends on the model: measure with
   * `npm run eval:retrieval`. Unset: word coverage alone decides.
   */
  KB_MIN_SIMILARITY: z.coerce.number().min(-1).max(1).optional(),
});
export type WorkerConfig = z.infer<typeof workerConfigSchema>;

export const WORKER_CONFIG = Symbol('WORKER_CONFIG');

export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  return parseConfig(workerConfigSchema, env);
}
