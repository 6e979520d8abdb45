import { ValidationError } from '../errors';

/** A persona's model reference: `<provider>/<model>`, or a bare model on the instance's default provider. */
export interface ModelRef {
  /** `null`: the default provider (the `OPENAI_*` environment). */
  provider: string | null;
  model: string;
}

export interface KnownProvider {
  name: string;
  /** Model ids the provider serves. */
  models: readonly string[];
}

/**
 * Reads a reference against the organization's provider names. Model ids may contain slashes
 * (`openai/gpt-4o` on OpenRouter), so only a prefix naming a configured provider selects it.
 */
export function parseModelRef(ref: string, providerNames: ReadonlySet<string>): ModelRef {
  const slash = ref.indexOf('/');
  if (slash > 0 && providerNames.has(ref.slice(0, slash))) {
    return { provider: ref.slice(0, slash), model: ref.slice(slash + 1) };
  }
  return { provider: null, model: ref };
}

/**
 * Checks a persona's model chain before it is saved: a reference to a configured provider must
 * name one of its models, and a bare model needs the default provider. `refs` maps each field path (`model`, `fallbackModels.1`) to its value.
 */
export function validateModelChain(
  refs: ReadonlyArray<[path: string, ref: string]>,
  providers: readonly KnownProvider[],
  hasDefaultProvider: boolean,
): void {
  const byName = new Map(providers.map((provider) => [provider.name, provider]));
  for (const [path, ref] of refs) {
    const parsed = parseModelRef(ref, new Set(byName.keys()));
    if (parsed.provider === null) {
      if (hasDefaultProvider) continue;
      const slash = ref.indexOf('/');
      throw new ValidationError(
        path,
        slash > 0
          ? `${path}: there is no provider named "${ref.slice(0, slash)}"`
          : `${path}: no default provider is configured; use "<provider>/${ref}"`,
      );
    }
    const provider = byName.get(parsed.provider);
    if (provider && !provider.models.includes(parsed.model)) {
      throw new ValidationError(
        path,
        `${path}: provider "${parsed.provider}" has no model "${parsed.model}" (it has ${provider.models.join(', ')})`,
      );
    }
  }
}
