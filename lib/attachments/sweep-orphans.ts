import "server-only";
import { getInstallId } from "@/lib/attachments/install-id";
import { ATTACHMENT_KEY_PREFIX } from "@/lib/attachments/store-attachment";
import { db as defaultDb } from "@/lib/db";
import type { DbClient } from "@/lib/prisma-client";
import { getStorage, type Storage } from "@/lib/storage";

// Default age before an unreferenced file counts as an orphan: far longer than any upload takes
// between writing its file and committing its row.
export const ORPHAN_MIN_AGE_MS = 24 * 60 * 60 * 1000;

const BATCH = 500;

export type SweepResult = { scanned: number; deleted: number };

// Deletes stored attachment files that no Attachment row references and that are older than
// `olderThanMs` (so an upload in flight, file written but row not yet committed, is left alone).
// Called periodically by the worker.
export async function sweepOrphanFiles(
  olderThanMs: number = ORPHAN_MIN_AGE_MS,
  options: { db?: DbClient; storage?: Storage; now?: Date } = {},
): Promise<SweepResult> {
  const db = options.db ?? defaultDb;
  const storage = options.storage ?? getStorage();
  const cutoff = (options.now ?? new Date()).getTime() - olderThanMs;
  let scanned = 0;
  let deleted = 0;
  let batch: string[] = [];

  const flush = async () => {
    const keys = batch;
    batch = [];
    if (keys.length === 0) return;
    const referenced = await db.attachment.findMany({ where: { storageKey: { in: keys } }, select: { storageKey: true } });
    const kept = new Set(referenced.map((r) => r.storageKey));
    for (const key of keys) {
      if (kept.has(key)) continue;
      await storage.delete(key);
      deleted += 1;
    }
  };

  // Only this database's own prefix: files of another database sharing the store are not ours
  // to judge, whatever rows we lack.
  const prefix = `${ATTACHMENT_KEY_PREFIX}${await getInstallId(db)}/`;
  for await (const object of storage.list(prefix)) {
    scanned += 1;
    if (object.lastModified.getTime() > cutoff) continue;
    batch.push(object.key);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return { scanned, deleted };
}
