import { generateEncryptionKey, isEncryptionKey, SecretBox } from './secret-box';

describe('SecretBox', () => {
  const key = generateEncryptionKey();

  it('opens what it sealed, and the ciphertext does not contain the secret', () => {
    const box = new SecretBox(key);
    const sealed = box.seal('sk-live-abcdef123456');
    expect(sealed).not.toContain('sk-live');
    expect(sealed.startsWith(`v1:${box.keyId}:`)).toBe(true);
    expect(box.open(sealed)).toBe('sk-live-abcdef123456');
  });

  it('seals the same secret differently each time', () => {
    const box = new SecretBox(key);
    expect(box.seal('same')).not.toBe(box.seal('same'));
  });

  it('opens secrets sealed with a previous key after a rotation', () => {
    const old = new SecretBox(key);
    const sealed = old.seal('rotated');
    const rotated = new SecretBox(generateEncryptionKey(), [key]);
    expect(rotated.open(sealed)).toBe('rotated');
    expect(rotated.keyId).not.toBe(old.keyId);
  });

  it('refuses a tampered ciphertext and an unknown key', () => {
    const box = new SecretBox(key);
    const parts = box.seal('secret').split(':');
    parts[4] = Buffer.from('forged').toString('base64url');
    expect(() => box.open(parts.join(':'))).toThrow();
    expect(() => new SecretBox(generateEncryptionKey()).open(box.seal('x'))).toThrow(/unknown key/);
  });

  it('accepts 32-byte keys as hex or base64 only', () => {
    expect(isEncryptionKey('a'.repeat(64))).toBe(true);
    expect(isEncryptionKey(key)).toBe(true);
    expect(isEncryptionKey('short')).toBe(false);
  });
});
