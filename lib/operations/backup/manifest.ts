// The archive `npm run backup` writes (README « Sauvegarde et restauration »), a .tar.gz of:
//   manifest.json            this manifest
//   database/<Table>.jsonl   one JSON object per row (PostgreSQL's to_jsonb), read in one snapshot
//   uploads/<storage key>    every stored file
//   secrets/<name>           what reading the data needs (the session/token secret)
// Choice: a logical dump over the wire, not pg_dump. The embedded PostgreSQL package ships no
// pg_dump, Debian's is older than the server, and no npm package ships a matching one; reading
// rows as JSON inside a REPEATABLE READ snapshot needs only a connection, works against any
// server version the app supports, and is restored through the app's own migrations.
import { createHash } from "node:crypto";

export const BACKUP_FORMAT = "crm-backup/1";

export type BackupFile = { key: string; size: number; sha256: string };

export type BackupManifest = {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  postgres: { serverVersion: string; method: "logical-jsonl" };
  // Applied when the snapshot was taken: the restore replays exactly these before loading rows.
  migrations: string[];
  tables: Record<string, number>;
  files: BackupFile[];
  secrets: string[];
};

// Neither the migration history (rebuilt by the restore) nor live supervision state.
export const TABLES_NOT_BACKED_UP = ["_prisma_migrations", "WorkerHeartbeat"] as const;

export function sha256(data: Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}
