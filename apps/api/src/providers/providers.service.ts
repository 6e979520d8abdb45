import { Inject, Injectable } from '@nestjs/common';
import type { CreateProviderInput, ProviderKind, ProviderModel, ProviderView, UpdateProviderInput } from '@parley/contracts';
import { AuditRepository, ProvidersRepository, SECRET_BOX, type Provider, type ProviderData, type SecretBox } from '@parley/data';
import { ConflictError, DependencyUnavailableError, NotFoundError } from '@parley/domain';
import type { StaffPrincipal } from '../auth/token.service';
import { isUuid } from '../http/parse-input';
import { probeProvider } from './provider-probe';

export function toProviderView(provider: Provider): ProviderView {
  return {
    id: provider.id,
    name: provider.name,
    kind: provider.kind as ProviderKind,
    baseUrl: provider.baseUrl,
    hasApiKey: provider.apiKeyCiphertext !== null,
    apiKeyHint: provider.apiKeyHint,
    models: provider.models as ProviderModel[],
    headers: provider.headers as Record<string, string>,
    query: provider.query as Record<string, string>,
    enabled: provider.enabled,
    createdAt: provider.createdAt.toISOString(),
    updatedAt: provider.updatedAt.toISOString(),
  };
}

@Injectable()
export class ProvidersService {
  constructor(
    private readonly providers: ProvidersRepository,
    private readonly audit: AuditRepository,
    @Inject(SECRET_BOX) private readonly secrets: SecretBox | null,
  ) {}

  async create(actor: StaffPrincipal, input: CreateProviderInput): Promise<ProviderView> {
    await this.ensureNameFree(actor.orgId, input.name);
    const provider = await this.providers.create(actor.orgId, {
        name: input.name,
        kind: input.kind ?? 'openai_compatible',
        baseUrl: input.baseUrl,
        ...this.sealKey(input.apiKey ?? null),
        models: input.models,
        headers: input.headers ?? {},
        query: input.query ?? {},
        enabled: input.enabled ?? true,
      });
    await this.record(actor, 'provider.created', provider.id);
    return toProviderView(provider);
  }

  async list(orgId: string) {
    return { items: (await this.providers.list(orgId)).map(toProviderView) };
  }

  async get(orgId: string, id: string): Promise<ProviderView> {
    return toProviderView(await this.require(orgId, id));
  }

  async update(actor: StaffPrincipal, id: string, input: UpdateProviderInput): Promise<ProviderView> {
    const current = await this.require(actor.orgId, id);
    if (input.name !== undefined && input.name !== current.name) await this.ensureNameFree(actor.orgId, input.name);
    const { apiKey, ...rest } = input;
    const data: Partial<ProviderData> = { ...rest, ...(apiKey !== undefined ? this.sealKey(apiKey) : {}) };
    const provider = await this.providers.update(actor.orgId, id, data);
    if (!provider) throw new NotFoundError('provider');
    // Which fields changed, never their values: the key must not reach the audit log.
    await this.record(actor, 'provider.updated', id, { fields: Object.keys(input) });
    return toProviderView(provider);
  }

  async remove(actor: StaffPrincipal, id: string): Promise<void> {
    if (!isUuid(id) || !(await this.providers.delete(actor.orgId, id))) throw new NotFoundError('provider');
    await this.record(actor, 'provider.deleted', id);
  }

  async testConnection(orgId: string, id: string) {
    const provider = await this.require(orgId, id);
    const apiKey = provider.apiKeyCiphertext ? this.box().open(provider.apiKeyCiphertext) : '';
    return probeProvider(provider, apiKey);
  }

  private sealKey(apiKey: string | null): Pick<ProviderData, 'apiKeyCiphertext' | 'apiKeyHint'> {
    if (apiKey === null) return { apiKeyCiphertext: null, apiKeyHint: null };
    return { apiKeyCiphertext: this.box().seal(apiKey), apiKeyHint: apiKey.length > 8 ? apiKey.slice(-4) : null };
  }

  private box(): SecretBox {
    if (!this.secrets) {
      throw new DependencyUnavailableError('the encryption key for provider API keys (PARLEY_ENCRYPTION_KEY)');
    }
    return this.secrets;
  }

  private async ensureNameFree(orgId: string, name: string): Promise<void> {
    if ((await this.providers.list(orgId)).some((provider) => provider.name === name)) {
      throw new ConflictError('provider_name_taken', `a provider named "${name}" already exists`);
    }
  }

  private async require(orgId: string, id: string): Promise<Provider> {
    const provider = isUuid(id) ? await this.providers.findById(orgId, id) : null;
    if (!provider) throw new NotFoundError('provider');
    return provider;
  }

  private record(actor: StaffPrincipal, action: string, targetId: string, data?: Record<string, unknown>) {
    return this.audit.record(actor.orgId, { actorId: actor.userId, action, targetType: 'provider', targetId, data });
  }
}
