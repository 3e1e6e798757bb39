// `npm run backup`: database rows in one consistent snapshot, every stored file and the secrets,
// in one archive with a manifest (row counts, SHA-256 per file). Safe while the app runs.
import { execFile } from "node:child_process";
import { createWriteStream } from "node:fs";
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import type { Storage } from "@/lib/storage/types";
import { BACKUP_FORMAT, sha256, TABLES_NOT_BACKED_UP, type BackupFile, type BackupManifest } from "./manifest";

const run = promisify(execFile);
const FETCH = 2000;

export type CreateBackupOptions = {
  databaseUrl: string;
  storage: Storage;
  // File name → content, written under secrets/ (mode 600).
  secrets: Record<string, string>;
  outFile: string;
  log?: (message: string) => void;
};

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

async function writeLines(file: string, lines: AsyncIterable<string>): Promise<number> {
  const out = createWriteStream(file, { mode: 0o600 });
  let count = 0;
  try {
    for await (const line of lines) {
      if (!out.write(`${line}\n`)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
      count += 1;
    }
  } finally {
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }
  return count;
}

async function dumpDatabase(databaseUrl: string, dir: string, log: (m: string) => void) {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "crm-backup" });
  client.on("error", () => undefined);
  await client.connect();
  try {
    // One snapshot for every table: rows written during the backup are either all in or all out.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const version = (await client.query<{ server_version: string }>("SHOW server_version")).rows[0]!.server_version;
    const migrations = (
      await client.query<{ migration_name: string }>(
        `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
      )
    ).rows.map((r) => r.migration_name);
    const names = (
      await client.query<{ tablename: string }>(
        `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND NOT (tablename = ANY($1)) ORDER BY tablename`,
        [TABLES_NOT_BACKED_UP],
      )
    ).rows.map((r) => r.tablename);
    const tables: Record<string, number> = {};
    for (const table of names) {
      await client.query(`DECLARE dump NO SCROLL CURSOR FOR SELECT to_jsonb(t)::text AS j FROM ${quoteIdent(table)} t`);
      async function* rows() {
        for (;;) {
          const batch = await client.query<{ j: string }>(`FETCH ${FETCH} FROM dump`);
          for (const row of batch.rows) yield row.j;
          if (batch.rows.length < FETCH) return;
        }
      }
      tables[table] = await writeLines(path.join(dir, `${table}.jsonl`), rows());
      await client.query("CLOSE dump");
    }
    await client.query("COMMIT");
    log(`Base : ${names.length} tables, ${Object.values(tables).reduce((a, b) => a + b, 0)} lignes`);
    return { version, migrations, tables };
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function createBackup(options: CreateBackupOptions): Promise<BackupManifest> {
  const log = options.log ?? (() => undefined);
  const work = await mkdtemp(path.join(os.tmpdir(), "crm-backup-"));
  try {
    await mkdir(path.join(work, "database"));
    const database = await dumpDatabase(options.databaseUrl, path.join(work, "database"), log);

    // Files after the snapshot: a row in it always has its file already (written before commit).
    const files: BackupFile[] = [];
    for await (const object of options.storage.list("")) {
      const data = await options.storage.get(object.key);
      const target = path.join(work, "uploads", ...object.key.split("/"));
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, data, { mode: 0o600 });
      files.push({ key: object.key, size: data.length, sha256: sha256(data) });
    }
    files.sort((a, b) => a.key.localeCompare(b.key));
    log(`Fichiers : ${files.length}`);

    await mkdir(path.join(work, "secrets"), { mode: 0o700 });
    for (const [name, value] of Object.entries(options.secrets)) {
      await writeFile(path.join(work, "secrets", name), value, { mode: 0o600 });
    }

    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      postgres: { serverVersion: database.version, method: "logical-jsonl" },
      migrations: database.migrations,
      tables: database.tables,
      files,
      secrets: Object.keys(options.secrets).sort(),
    };
    await writeFile(path.join(work, "manifest.json"), JSON.stringify(manifest, null, 2), { mode: 0o600 });
    await mkdir(path.dirname(path.resolve(options.outFile)), { recursive: true });
    await run("tar", ["-czf", path.resolve(options.outFile), "-C", work, "."]);
    // It holds the secrets: readable by its owner only.
    await chmod(options.outFile, 0o600);
    return manifest;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
