// The file store behind attachments: local disk by default, an S3-compatible bucket when
// configured. Keys are chosen by the server (never a user's file name), so both backends can
// trust them once checked by assertStorageKey().

export type StoredObject = {
  key: string;
  size: number;
  lastModified: Date;
};

export interface Storage {
  // Atomic: a reader never sees a partial file under `key`.
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  // Throws StorageNotFoundError when nothing is stored under `key`.
  get(key: string): Promise<Buffer>;
  // Idempotent: deleting a missing key is not an error.
  delete(key: string): Promise<void>;
  // Every stored object whose key starts with `prefix`, in no particular order.
  list(prefix: string): AsyncIterable<StoredObject>;
}

export class StorageNotFoundError extends Error {
  constructor(key: string) {
    super(`Aucun fichier stocké sous la clé « ${key} ».`);
    this.name = "StorageNotFoundError";
  }
}

// Slash-separated segments of letters, digits, dots, dashes and underscores; no empty, "." or
// ".." segment, so a key can never climb out of the storage root.
const SEGMENT = /^[A-Za-z0-9._-]+$/;
const MAX_KEY_LENGTH = 512;

export function isValidStorageKey(key: string): boolean {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) return false;
  return key.split("/").every((segment) => SEGMENT.test(segment) && segment !== "." && segment !== "..");
}

export function assertStorageKey(key: string): void {
  if (!isValidStorageKey(key)) throw new Error(`Clé de stockage invalide : ${JSON.stringify(key)}`);
}

// Prefixes are keys in the making: the same characters, and may end with "/".
export function assertStoragePrefix(prefix: string): void {
  if (prefix === "") return;
  const trimmed = prefix.endsWith("/") ? prefix.slice(0, -1) : prefix;
  assertStorageKey(trimmed);
}
