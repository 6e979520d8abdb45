import { randomBytes } from 'node:crypto';

/**
 * Where attachment bytes live. Keys are opaque strings made by `newStorageKey`; content types,
 * names and ownership are kept in the database, so any blob store can implement this (the local
 * disk by default; an S3-compatible bucket maps `put/get/delete/stat` to PutObject, GetObject,
 * DeleteObject and HeadObject).
 */
export interface AttachmentStorage {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The stored bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Buffer | null>;
  /** Removes the object; removing a missing one is not an error. */
  delete(key: string): Promise<void>;
  stat(key: string): Promise<{ size: number } | null>;
}

/** Injection token of the process's AttachmentStorage. */
export const ATTACHMENT_STORAGE = Symbol('ATTACHMENT_STORAGE');

const KEY = /^[A-Za-z0-9_-]{1,100}(\/[A-Za-z0-9_-]{1,100}){0,3}$/;

/** A new key under the organization: 128 random bits, so keys cannot be guessed from ids. */
export function newStorageKey(orgId: string): string {
  return `${orgId}/${randomBytes(16).toString('base64url')}`;
}

/** Keys are path-like but never contain `.`, `..`, empty segments or anything outside [A-Za-z0-9_-/]. */
export function assertStorageKey(key: string): void {
  if (!KEY.test(key)) throw new Error('invalid storage key');
}
