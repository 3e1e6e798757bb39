import "server-only";
import path from "node:path";
import { getEnv, uploadsDir } from "@/lib/env";
import { LocalDiskStorage } from "@/lib/storage/local";
import { createS3Client, S3Storage } from "@/lib/storage/s3";
import type { Storage } from "@/lib/storage/types";

export { StorageNotFoundError, isValidStorageKey, type Storage, type StoredObject } from "@/lib/storage/types";

let cached: Storage | undefined;

// The configured store: an S3-compatible bucket when S3_BUCKET is set, otherwise files under
// STORAGE_DIR (default $DATA_DIR/uploads), resolved against the project root (the server's working directory).
export function getStorage(): Storage {
  if (cached) return cached;
  const env = getEnv();
  cached = env.S3_BUCKET
    ? new S3Storage(
        createS3Client({
          bucket: env.S3_BUCKET,
          region: env.S3_REGION,
          endpoint: env.S3_ENDPOINT,
          forcePathStyle: env.S3_FORCE_PATH_STYLE,
          accessKeyId: env.S3_ACCESS_KEY_ID,
          secretAccessKey: env.S3_SECRET_ACCESS_KEY,
        }),
        env.S3_BUCKET,
      )
    : new LocalDiskStorage(localStorageDir(uploadsDir(env)));
  return cached;
}

// Anything under public/ would be served to anyone, bypassing the authorized download route.
export function localStorageDir(storageDir: string, projectRoot: string = process.cwd()): string {
  const dir = path.resolve(projectRoot, storageDir);
  const publicDir = path.resolve(projectRoot, "public");
  if (dir === publicDir || dir.startsWith(publicDir + path.sep)) {
    throw new Error("STORAGE_DIR ne doit pas être dans public/ : les fichiers y seraient servis sans contrôle d'accès.");
  }
  return dir;
}

// Tests switch STORAGE_DIR or S3_* between files; production never calls this.
export function resetStorageForTests(): void {
  cached = undefined;
}
