import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { newStorageKey, type AttachmentStorage } from './attachment-storage';
import { LocalDiskStorage } from './local-disk.storage';

describe('LocalDiskStorage', () => {
  let root: string;
  let storage: AttachmentStorage;

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'parley-storage-'));
    storage = new LocalDiskStorage(path.join(root, 'uploads'));
  });

  afterEach(() => rm(root, { recursive: true, force: true }));

  it('puts, stats, gets and deletes a file under its key', async () => {
    const key = newStorageKey('7c1f0f62-6a4f-4a39-9d1e-0f1d2c3b4a59');
    await storage.put(key, Buffer.from('bytes'), 'image/png');
    expect(await storage.stat(key)).toEqual({ size: 5 });
    expect((await storage.get(key))?.toString()).toBe('bytes');
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
    expect(await storage.stat(key)).toBeNull();
    await expect(storage.delete(key)).resolves.toBeUndefined();
  });

  it('makes keys that differ every time and leaves no partial files', async () => {
    const keys = new Set(Array.from({ length: 50 }, () => newStorageKey('org')));
    expect(keys.size).toBe(50);
    const key = [...keys][0]!;
    await storage.put(key, Buffer.from('x'), 'image/png');
    expect(await readdir(path.join(root, 'uploads', 'org'))).toEqual([key.split('/')[1]]);
  });

  it('refuses keys that could leave its directory', async () => {
    await writeFile(path.join(root, 'secret.txt'), 'secret');
    for (const key of ['../secret.txt', 'a/../../secret.txt', '/etc/passwd', '..', 'a//b', 'a/./b', 'a\\..\\b', '']) {
      await expect(storage.get(key)).rejects.toThrow('invalid storage key');
      await expect(storage.put(key, Buffer.from('x'), 'image/png')).rejects.toThrow('invalid storage key');
    }
  });
});
