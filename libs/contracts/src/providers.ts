import { z } from 'zod';

// ---- LLM providers, usage and budget (admin) ----------------------------------------------------

export const PROVIDER_KINDS = ['openai', 'azure', 'ollama', 'vllm', 'litellm', 'openrouter', 'openai_compatible'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/** Provider names prefix model references (`<provider>/<model>`), so they cannot contain a slash. */
const providerName = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'letters, digits, `_`, `.` and `-` only, starting with a letter or digit');

const price = z.number().min(0).max(10_000);

export const providerModelSchema = z.strictObject({
  /** The model id the provider expects (for Azure: the deployment name). */
  id: z.string().trim().min(1).max(200),
  /** USD per 1M tokens; when unset, known OpenAI models are priced from a built-in table. */
  inputUsdPerMillion: price.optional(),
  outputUsdPerMillion: price.optional(),
  vision: z.boolean().optional(),
  contextWindow: z.number().int().min(256).max(10_000_000).optional(),
});
export type ProviderModel = z.infer<typeof providerModelSchema>;

const headerMap = z.record(z.string().regex(/^[A-Za-z0-9-]+$/).max(100), z.string().max(2_000));
const queryMap = z.record(z.string().min(1).max(100), z.string().max(2_000));

export const createProviderSchema = z.strictObject({
  name: providerName,
  kind: z.enum(PROVIDER_KINDS).optional(),
  baseUrl: z.url({ protocol: /^https?$/ }).max(2_000),
  /** Write-only: stored encrypted, never returned. Local servers (Ollama, vLLM) may need none. */
  apiKey: z.string().min(1).max(4_000).optional(),
  models: z.array(providerModelSchema).min(1).max(100),
  /** Extra request headers (not secrets: they are returned to admins). */
  headers: headerMap.optional(),
  /** Extra query parameters, e.g. Azure's `api-version`. */
  query: queryMap.optional(),
  enabled: z.boolean().optional(),
});
export type CreateProviderInput = z.infer<typeof createProviderSchema>;

export const updateProviderSchema = createProviderSchema.partial().extend({
  /** `null` removes the stored key. */
  apiKey: z.string().min(1).max(4_000).nullable().optional(),
});
export type UpdateProviderInput = z.infer<typeof updateProviderSchema>;

export interface ProviderView {
  id: string;
  name: string;
  kind: ProviderKind;
  baseUrl: string;
  /** Whether a key is stored, and its last four characters: never the key itself. */
  hasApiKey: boolean;
  apiKeyHint: string | null;
  models: ProviderModel[];
  headers: Record<string, string>;
  query: Record<string, string>;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export const usageQuerySchema = z.strictObject({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM')
    .optional(),
});

export const updateOrganizationSchema = z.strictObject({
  /** `null` removes the budget. */
  monthlyBudgetUsd: z.number().min(0).max(10_000_000).nullable().optional(),
});
export type UpdateOrganizationInput = z.infer<typeof updateOrganizationSchema>;

/** Sent on `/agent` to the organization's staff, once per month, when the budget is reached. */
export interface BudgetReachedEvent {
  month: string;
  monthlyBudgetUsd: number;
  spentUsd: number;
}
