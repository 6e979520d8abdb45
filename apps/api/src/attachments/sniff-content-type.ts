import { fileTypeFromBuffer } from 'file-type';

/** The file's type read from its first bytes (never from its name or declared type), or null. */
export async function sniffContentType(bytes: Uint8Array): Promise<string | null> {
  const detected = await fileTypeFromBuffer(bytes);
  return detected?.mime ?? null;
}
