import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, open, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import {
  assertStorageKey,
  assertStoragePrefix,
  StorageNotFoundError,
  type Storage,
  type StoredObject,
} from "@/lib/storage/types";

// Suffix of files being written. They are listed like any other file, so a crash mid-write
// leaves one that the orphan sweeper (which knows no row references it) removes.
export const TEMP_SUFFIX = ".part";

function isNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "ENOENT";
}

// Files under one directory, outside public/: keys map to relative paths.
export class LocalDiskStorage implements Storage {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  private pathFor(key: string): string {
    assertStorageKey(key);
    const full = path.resolve(this.root, ...key.split("/"));
    // assertStorageKey already forbids "..": this is the belt to its braces.
    if (!full.startsWith(this.root + path.sep)) throw new Error(`Clé de stockage hors du répertoire : ${key}`);
    return full;
  }

  // The content type is only kept by S3; on disk, the database row carries it.
  put: Storage["put"] = async (key, data) => {
    const target = this.pathFor(key);
    await mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${randomBytes(6).toString("hex")}${TEMP_SUFFIX}`;
    const handle = await open(temp, "wx", 0o600);
    try {
      await handle.writeFile(data);
      // On disk before the rename makes it visible: a power cut cannot leave a truncated file
      // under the final name.
      await handle.sync();
    } catch (error) {
      await handle.close();
      await rm(temp, { force: true });
      throw error;
    }
    await handle.close();
    try {
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  };

  async get(key: string): Promise<Buffer> {
    try {
      return await readFile(this.pathFor(key));
    } catch (error) {
      if (isNotFound(error)) throw new StorageNotFoundError(key);
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathFor(key), { force: true });
  }

  async *list(prefix: string): AsyncIterable<StoredObject> {
    assertStoragePrefix(prefix);
    // Walk only the directory the prefix names, then filter by the rest of it.
    const slash = prefix.lastIndexOf("/");
    const dirKey = slash === -1 ? "" : prefix.slice(0, slash);
    yield* this.walk(dirKey, prefix);
  }

  private async *walk(dirKey: string, prefix: string): AsyncIterable<StoredObject> {
    const dir = dirKey === "" ? this.root : this.pathFor(dirKey);
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if (isNotFound(error)) return;
      throw error;
    }
    for (const entry of entries) {
      const key = dirKey === "" ? entry.name : `${dirKey}/${entry.name}`;
      if (entry.isDirectory()) {
        if (`${key}/`.startsWith(prefix) || prefix.startsWith(`${key}/`)) yield* this.walk(key, prefix);
      } else if (entry.isFile() && key.startsWith(prefix)) {
        try {
          const info = await stat(path.join(dir, entry.name));
          yield { key, size: info.size, lastModified: info.mtime };
        } catch (error) {
          // Deleted or renamed between readdir and stat: simply no longer there.
          if (!isNotFound(error)) throw error;
        }
      }
    }
  }
}
