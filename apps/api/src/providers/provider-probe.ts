import type { Provider } from '@parley/data';
import { OpenAICompatibleClient } from '@parley/llm';

const PROBE_TIMEOUT_MS = 10_000;

export interface ProbeResult {
  ok: boolean;
  /** Model ids the provider lists, when it answered. */
  models?: string[];
  /** The configured models the provider does not list (a typo, or a model not pulled yet). */
  missingModels?: string[];
  /** What went wrong, for a person; never contains the key. */
  error?: string;
}

/** Asks the provider for its model list with the stored configuration. */
export async function probeProvider(provider: Provider, apiKey: string): Promise<ProbeResult> {
  const client = new OpenAICompatibleClient({
    baseURL: provider.baseUrl,
    apiKey: apiKey || 'none',
    headers: provider.headers as Record<string, string>,
    query: provider.query as Record<string, string>,
    azure: provider.kind === 'azure',
    timeoutMs: PROBE_TIMEOUT_MS,
    maxRetries: 0,
  });
  try {
    const listed = await client.listModels(AbortSignal.timeout(PROBE_TIMEOUT_MS));
    const configured = (provider.models as Array<{ id: string }>).map((model) => model.id);
    return { ok: true, models: listed, missingModels: configured.filter((id) => !listed.includes(id)) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
