import { isEncryptionKey } from './secret-box';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureEncryptionKey } from './encryption-key-file';

describe('ensureEncryptionKey', () => {
  const keyFile = () => join(mkdtempSync(join(tmpdir(), 'parley-key-')), '.parley', 'encryption.key');

  it('generates a key once into a private file and reuses it on the next start', () => {
    const file = keyFile();
    const lines: string[] = [];
    const first: NodeJS.ProcessEnv = {};
    ensureEncryptionKey(first, file, (line) => lines.push(line));
    expect(isEncryptionKey(first.PARLEY_ENCRYPTION_KEY ?? '')).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(lines.join('\n')).toContain(file);
    expect(lines.join('\n')).not.toContain(first.PARLEY_ENCRYPTION_KEY);

    const second: NodeJS.ProcessEnv = {};
    ensureEncryptionKey(second, file, (line) => lines.push(line));
    expect(second.PARLEY_ENCRYPTION_KEY).toBe(first.PARLEY_ENCRYPTION_KEY);
    expect(lines).toHaveLength(1);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.PARLEY_ENCRYPTION_KEY);
  });

  it('leaves a key from the environment alone', () => {
    const env: NodeJS.ProcessEnv = { PARLEY_ENCRYPTION_KEY: 'configured' };
    ensureEncryptionKey(env, keyFile(), () => undefined);
    expect(env.PARLEY_ENCRYPTION_KEY).toBe('configured');
  });
});
