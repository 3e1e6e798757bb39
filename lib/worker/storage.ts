// The worker's handle on the file store. It builds the same backend as getStorage() (lib/storage)
// from the worker's own settings, because getStorage() reads the app's whole environment
// (database URL, session secret) which the launcher and `npm run worker` do not have.
// The backends are marked "server-only": the worker runs with `--conditions=react-server`.
import { uploadsDir, type WorkerEnv } from "@/lib/env";
import type { Storage } from "@/lib/storage/types";

export async function createWorkerStorage(env: WorkerEnv): Promise<Storage> {
  if (env.S3_BUCKET) {
    const { S3Storage, createS3Client } = await import("@/lib/storage/s3");
    const client = createS3Client({
      bucket: env.S3_BUCKET,
      region: env.S3_REGION,
      endpoint: env.S3_ENDPOINT,
      forcePathStyle: env.S3_FORCE_PATH_STYLE,
      accessKeyId: env.S3_ACCESS_KEY_ID,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY,
    });
    return new S3Storage(client, env.S3_BUCKET);
  }
  const [{ LocalDiskStorage }, { localStorageDir }] = await Promise.all([
    import("@/lib/storage/local"),
    import("@/lib/storage"),
  ]);
  return new LocalDiskStorage(localStorageDir(uploadsDir(env)));
}

// Loading a "server-only" module outside a react-server process throws this message.
export function isServerOnlyImportError(error: unknown): boolean {
  return error instanceof Error && /only be used from a Server Component/.test(error.message);
}
