import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;

/**
 * Encrypts secrets at rest (provider API keys) with AES-256-GCM. A ciphertext reads
 * `v1:<keyId>:<iv>:<tag>:<data>` (base64url parts); the key id names the key that sealed it, so
 * after a rotation old rows still open with the previous key while new ones use the current one.
 */
export class SecretBox {
  readonly #current: { id: string; key: Buffer };
  readonly #keys = new Map<string, Buffer>();

  /** `current` seals; `previous` keys only open. Each is 32 bytes as 64 hex characters or base64. */
  constructor(current: string, previous: readonly string[] = []) {
    const key = parseKey(current);
    this.#current = { id: keyId(key), key };
    for (const k of [key, ...previous.map(parseKey)]) this.#keys.set(keyId(k), k);
  }

  get keyId(): string {
    return this.#current.id;
  }

  seal(plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#current.key, iv);
    cipher.setAAD(Buffer.from(`${VERSION}:${this.#current.id}`));
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, this.#current.id, b64(iv), b64(cipher.getAuthTag()), b64(data)].join(':');
  }

  open(sealed: string): string {
    const [version, id, iv, tag, data] = sealed.split(':');
    if (version !== VERSION || !id || iv === undefined || tag === undefined || data === undefined) {
      throw new Error('not a sealed secret');
    }
    const key = this.#keys.get(id);
    if (!key) throw new Error(`secret sealed with unknown key ${id}`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(`${VERSION}:${id}`));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  }
}

/** A new random key, in the form `PARLEY_ENCRYPTION_KEY` takes. */
export function generateEncryptionKey(): string {
  return randomBytes(32).toString('base64');
}

/** True when the text is a usable key (so configuration can reject a bad one at boot). */
export function isEncryptionKey(text: string): boolean {
  try {
    parseKey(text);
    return true;
  } catch {
    return false;
  }
}

function parseKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new Error('an encryption key must be 32 bytes, as 64 hex characters or base64');
  return key;
}

function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

function b64(buffer: Buffer): string {
  return buffer.toString('base64url');
}
