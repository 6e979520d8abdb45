import { Inject, Injectable } from '@nestjs/common';
import type { ProviderModel } from '@parley/contracts';
import { ProvidersRepository } from '@parley/data';
import { validateModelChain } from '@parley/domain';
import { API_CONFIG, type ApiConfig } from '../api-config';

/** Refuses, with a 400 naming the field, a persona model chain that points at no configured model. */
@Injectable()
export class ModelChainValidator {
  constructor(
    private readonly providers: ProvidersRepository,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async check(orgId: string, chain: { model?: string | null; fallbackModels?: readonly string[] }): Promise<void> {
    const refs: Array<[string, string]> = [
      ...(chain.model ? [['model', chain.model] as [string, string]] : []),
      ...(chain.fallbackModels ?? []).map((ref, index): [string, string] => [`fallbackModels.${index}`, ref]),
    ];
    if (refs.length === 0) return;
    const providers = (await this.providers.list(orgId)).map((provider) => ({
      name: provider.name,
      models: (provider.models as ProviderModel[]).map((model) => model.id),
    }));
    validateModelChain(refs, providers, this.config.OPENAI_API_KEY !== undefined);
  }
}
