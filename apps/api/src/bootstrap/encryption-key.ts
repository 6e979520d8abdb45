import { generateEncryptionKey, isEncryptionKey } from '@parley/data';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Makes sure `PARLEY_ENCRYPTION_KEY` is set for the processes `npm start` runs: with none in the
 * environment, the key kept in `keyFile` is used, or a new one is generated there once (mode
 * 0600). Losing that file makes stored provider API keys unreadable: they must be entered again.
 */
export function ensureEncryptionKey(env: NodeJS.ProcessEnv, keyFile: string, log: (line: string) => void): void {
  if (env.PARLEY_ENCRYPTION_KEY) return;
  if (existsSync(keyFile)) {
    const key = readFileSync(keyFile, 'utf8').trim();
    if (!isEncryptionKey(key)) throw new Error(`${keyFile} does not hold a valid encryption key (32 bytes, hex or base64)`);
    env.PARLEY_ENCRYPTION_KEY = key;
    return;
  }
  mkdirSync(dirname(keyFile), { recursive: true });
  const key = generateEncryptionKey();
  writeFileSync(keyFile, `${key}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(keyFile, 0o600);
  env.PARLEY_ENCRYPTION_KEY = key;
  log(`generated an encryption key for provider API keys in ${keyFile} (keep it; or set PARLEY_ENCRYPTION_KEY)`);
}
