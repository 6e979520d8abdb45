import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ProviderModel } from '@parley/contracts';
import { ProvidersRepository, SECRET_BOX, type Persona, type Provider, type SecretBox } from '@parley/data';
import { parseModelRef } from '@parley/domain';
import { knownModelFacts, OpenAICompatibleClient, type ChainTarget } from '@parley/llm';
import { WORKER_CONFIG, type WorkerConfig } from '../worker-config';

/** A link of a persona's chain, with what the turn needs to budget the prompt and price the reply. */
export interface ResolvedTarget extends ChainTarget {
  client: OpenAICompatibleClient;
  price?: Pick<ProviderModel, 'inputUsdPerMillion' | 'outputUsdPerMillion'>;
  contextWindow?: number;
  /** Whether the model takes image parts (provider configuration, else gpt-tokenizer's model data). */
  vision?: boolean;
}

const DEFAULT_PROVIDER = 'default';

/** An organization's providers as read for one turn: resolves a persona's chain against them. */
export interface ProviderChains {
  chainFor: (persona: Pick<Persona, 'model' | 'fallbackModels'>) => ResolvedTarget[];
}

/**
 * Turns a persona's model references into clients, reading the organization's providers on every
 * turn so an admin's change applies to the next reply. SDK clients are cached per provider
 * version (id + updatedAt); an edited provider gets a new client, a deleted or disabled one none.
 */
@Injectable()
export class ProviderDirectory {
  private readonly logger = new Logger(ProviderDirectory.name);
  private readonly clients = new Map<string, OpenAICompatibleClient>();
  private readonly defaultClient: OpenAICompatibleClient | null;

  constructor(
    private readonly providers: ProvidersRepository,
    @Inject(SECRET_BOX) private readonly secrets: SecretBox | null,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {
    this.defaultClient = config.OPENAI_API_KEY
      ? this.newClient({ baseURL: config.OPENAI_BASE_URL, apiKey: config.OPENAI_API_KEY })
      : null;
  }

  /** The organization's enabled providers, read now; resolve chains against them with `chainFor`. */
  async load(orgId: string): Promise<ProviderChains> {
    const providers = (await this.providers.list(orgId)).filter((provider) => provider.enabled);
    return { chainFor: (persona) => this.resolve(persona, providers) };
  }

  /** The persona's chain, in order, without links whose provider is missing, disabled or unreadable. */
  private resolve(persona: Pick<Persona, 'model' | 'fallbackModels'>, providers: Provider[]): ResolvedTarget[] {
    const byName = new Map(providers.map((provider) => [provider.name, provider]));
    const first = persona.model ?? this.defaultModel(providers);
    const refs = [...new Set([first, ...persona.fallbackModels].filter((ref): ref is string => !!ref))];
    const targets: ResolvedTarget[] = [];
    for (const ref of refs) {
      const parsed = parseModelRef(ref, new Set(byName.keys()));
      const target = parsed.provider === null ? this.defaultTarget(parsed.model) : this.providerTarget(byName.get(parsed.provider), parsed.model);
      if (target) targets.push(target);
    }
    return targets;
  }

  /** No persona model: LLM_MODEL on the default provider, else the first model of the first provider. */
  private defaultModel(providers: Provider[]): string | null {
    if (this.defaultClient) return this.config.LLM_MODEL;
    const provider = providers[0];
    const model = provider ? modelsOf(provider)[0] : undefined;
    return provider && model ? `${provider.name}/${model.id}` : null;
  }

  private defaultTarget(model: string): ResolvedTarget | null {
    if (!this.defaultClient) return null;
    return { providerKey: DEFAULT_PROVIDER, providerName: DEFAULT_PROVIDER, client: this.defaultClient, model, ...knownModelFacts(model) };
  }

  private providerTarget(provider: Provider | undefined, model: string): ResolvedTarget | null {
    if (!provider) return null;
    const client = this.clientFor(provider);
    if (!client) return null;
    const config = modelsOf(provider).find((entry) => entry.id === model);
    return {
      providerKey: provider.id,
      providerName: provider.name,
      client,
      model,
      price: config,
      contextWindow: config?.contextWindow ?? knownModelFacts(model).contextWindow,
      vision: config?.vision ?? knownModelFacts(model).vision,
    };
  }

  private clientFor(provider: Provider): OpenAICompatibleClient | null {
    const version = `${provider.id}:${provider.updatedAt.getTime()}`;
    const cached = this.clients.get(version);
    if (cached) return cached;
    let apiKey = '';
    if (provider.apiKeyCiphertext) {
      if (!this.secrets) {
        this.logger.warn(`provider ${provider.name} skipped: PARLEY_ENCRYPTION_KEY is not set, its API key cannot be read`);
        return null;
      }
      try {
        apiKey = this.secrets.open(provider.apiKeyCiphertext);
      } catch (error) {
        this.logger.warn(`provider ${provider.name} skipped: its API key cannot be decrypted (${(error as Error).message})`);
        return null;
      }
    }
    for (const key of this.clients.keys()) if (key.startsWith(`${provider.id}:`)) this.clients.delete(key);
    const client = this.newClient({
      baseURL: provider.baseUrl,
      // The SDK needs a key; local servers (Ollama, vLLM) ignore it.
      apiKey: apiKey || 'none',
      headers: provider.headers as Record<string, string>,
      query: provider.query as Record<string, string>,
      azure: provider.kind === 'azure',
    });
    this.clients.set(version, client);
    return client;
  }

  private newClient(options: { baseURL: string; apiKey: string; headers?: Record<string, string>; query?: Record<string, string>; azure?: boolean }) {
    // Retries are the chain's (cockatiel), so the SDK makes none of its own.
    return new OpenAICompatibleClient({ ...options, timeoutMs: this.config.LLM_FIRST_TOKEN_TIMEOUT_MS, maxRetries: 0 });
  }
}

function modelsOf(provider: Provider): ProviderModel[] {
  return Array.isArray(provider.models) ? (provider.models as ProviderModel[]) : [];
}
