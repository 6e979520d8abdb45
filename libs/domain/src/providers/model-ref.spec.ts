import { ValidationError } from '../errors';
import { parseModelRef, validateModelChain } from './model-ref';

describe('model references', () => {
  const names = new Set(['ollama', 'router']);

  it('selects a configured provider by its prefix', () => {
    expect(parseModelRef('ollama/llama3.1', names)).toEqual({ provider: 'ollama', model: 'llama3.1' });
    expect(parseModelRef('router/openai/gpt-4o', names)).toEqual({ provider: 'router', model: 'openai/gpt-4o' });
  });

  it('reads anything else as a model of the default provider', () => {
    expect(parseModelRef('gpt-4o-mini', names)).toEqual({ provider: null, model: 'gpt-4o-mini' });
    expect(parseModelRef('openai/gpt-4o', names)).toEqual({ provider: null, model: 'openai/gpt-4o' });
  });

  it('refuses a model the named provider does not serve, naming the field', () => {
    const providers = [{ name: 'ollama', models: ['llama3.1'] }];
    expect(() => validateModelChain([['model', 'ollama/llama3.1']], providers, false)).not.toThrow();
    let error: unknown;
    try {
      validateModelChain([['model', 'ollama/llama3.1'], ['fallbackModels.0', 'ollama/mistral']], providers, true);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('fallbackModels.0');
    expect((error as Error).message).toContain('mistral');
  });

  it('refuses an unknown provider, or a bare model, when there is no default provider', () => {
    expect(() => validateModelChain([['model', 'gpt-4o-mini']], [], true)).not.toThrow();
    expect(() => validateModelChain([['model', 'nope/llama3']], [], false)).toThrow(/no provider named "nope"/);
    expect(() => validateModelChain([['fallbackModels.0', 'gpt-4o-mini']], [], false)).toThrow(/fallbackModels.0: no default provider/);
  });
});
