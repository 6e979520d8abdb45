import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateEncryptionKey, isEncryptionKey } from './secret-box';

/** Where a key made for this instance is kept when `PARLEY_ENCRYPTION_KEY` is not set. */
export const ENCRYPTION_KEY_FILE = join('.parley', 'encryption.key');

/**
 * With no `PARLEY_ENCRYPTION_KEY` in `env`, sets it from `keyFile` when that file exists. Returns
 * whether `env` now has a key. Used by every process, so the API and the worker started on their
 * own (as in docker-compose.yml) read the key that setup or `npm start` generated.
 */
export function useEncryptionKeyFile(env: NodeJS.ProcessEnv, keyFile: string): boolean {
  if (env.PARLEY_ENCRYPTION_KEY) return true;
  if (!existsSync(keyFile)) return false;
  const key = readFileSync(keyFile, 'utf8').trim();
  if (!isEncryptionKey(key)) throw new Error(`${keyFile} does not hold a valid encryption key (32 bytes, hex or base64)`);
  env.PARLEY_ENCRYPTION_KEY = key;
  return true;
}

/**
 * Makes sure `PARLEY_ENCRYPTION_KEY` is set: from the environment, else from `keyFile`, else a new
 * key generated there once (mode 0600). Losing that file makes stored provider API keys
 * unreadable: they must be entered again.
 */
export function ensureEncryptionKey(env: NodeJS.ProcessEnv, keyFile: string, log: (line: string) => void): void {
  if (useEncryptionKeyFile(env, keyFile)) return;
  mkdirSync(dirname(keyFile), { recursive: true });
  const key = generateEncryptionKey();
  writeFileSync(keyFile, `${key}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(keyFile, 0o600);
  env.PARLEY_ENCRYPTION_KEY = key;
  log(`generated an encryption key for provider API keys in ${keyFile} (keep it; or set PARLEY_ENCRYPTION_KEY)`);
}
