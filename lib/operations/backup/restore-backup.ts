// `npm run restore <archive>`: into an empty database (DATABASE_URL, or the embedded one in an
// empty DATA_DIR). Replays the migrations the backup was taken at, loads the rows, applies the
// newer migrations of this code, holds every e-mail that was waiting or in flight
// (« Suspendu après restauration »), puts the files back, then checks counts and SHA-256
// against the manifest.
import { execFile } from "node:child_process";
import { createReadStream } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { promisify } from "node:util";
import pg from "pg";
import { DEFAULT_MIGRATIONS_DIR, runMigrations } from "@/lib/migrations/runner";
import type { Storage } from "@/lib/storage/types";
import { BACKUP_FORMAT, BackupError, sha256, type BackupManifest } from "./manifest";

const run = promisify(execFile);
const INSERT_BATCH = 500;

export type RestoreBackupOptions = {
  archive: string;
  databaseUrl: string;
  storage: Storage;
  migrationsDir?: string;
  log?: (message: string) => void;
};

export type RestoreResult = { manifest: BackupManifest; heldEmails: number; secrets: Record<string, string> };

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

async function readManifest(dir: string): Promise<BackupManifest> {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(await readFile(path.join(dir, "manifest.json"), "utf8")) as BackupManifest;
  } catch {
    throw new BackupError("Archive illisible : manifest.json absent ou invalide.");
  }
  if (manifest.format !== BACKUP_FORMAT) throw new BackupError(`Format de sauvegarde inconnu : ${String(manifest.format)}.`);
  return manifest;
}

async function assertEmptyDatabase(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = current_schema()`,
  );
  if (rows.length > 0) {
    throw new BackupError(
      `La base cible n'est pas vide (${rows.length} table(s)) : restaurez dans une base neuve ou un DATA_DIR vide.`,
    );
  }
}

// The migrations the backup was taken at, alone, so rows load into the schema they came from.
async function migrationsAsOf(manifest: BackupManifest, sourceDir: string, work: string): Promise<string> {
  const available = new Set((await readdir(sourceDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name));
  const unknown = manifest.migrations.filter((m) => !available.has(m));
  if (unknown.length > 0) {
    throw new BackupError(`Sauvegarde faite par une version plus récente de l'application (migration ${unknown[0]} inconnue).`);
  }
  const dir = path.join(work, "migrations-as-of-backup");
  await mkdir(dir);
  await cp(path.join(sourceDir, "migration_lock.toml"), path.join(dir, "migration_lock.toml"));
  for (const name of manifest.migrations) await cp(path.join(sourceDir, name), path.join(dir, name), { recursive: true });
  return dir;
}

// Generated columns (e.g. the prospects' search text) are computed again, never inserted.
async function insertableColumns(client: pg.Client, table: string): Promise<string> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT a.attname AS name FROM pg_attribute a
     WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     ORDER BY a.attnum`,
    [quoteIdent(table)],
  );
  return rows.map((r) => quoteIdent(r.name)).join(", ");
}

async function loadTable(client: pg.Client, file: string, table: string): Promise<void> {
  // Asked before the file is opened: lines read before the loop starts would be lost.
  const columns = await insertableColumns(client, table);
  const lines = readline.createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Infinity });
  let batch: string[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await client.query(
      `INSERT INTO ${quoteIdent(table)} (${columns}) SELECT ${columns} FROM jsonb_populate_recordset(NULL::${quoteIdent(table)}, $1::jsonb)`,
      [`[${batch.join(",")}]`],
    );
    batch = [];
  };
  for await (const line of lines) {
    if (!line) continue;
    batch.push(line);
    if (batch.length >= INSERT_BATCH) await flush();
  }
  await flush();
}

export async function restoreBackup(options: RestoreBackupOptions): Promise<RestoreResult> {
  const log = options.log ?? (() => undefined);
  const sourceMigrations = options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR;
  await stat(options.archive).catch(() => {
    throw new BackupError(`Archive introuvable : ${options.archive}`);
  });
  const work = await mkdtemp(path.join(os.tmpdir(), "crm-restore-"));
  try {
    await run("tar", ["-xzf", path.resolve(options.archive), "-C", work]).catch(() => {
      throw new BackupError(`Archive illisible (tar.gz attendu) : ${options.archive}`);
    });
    const manifest = await readManifest(work);

    const client = new pg.Client({ connectionString: options.databaseUrl, application_name: "crm-restore" });
    client.on("error", () => undefined);
    await client.connect();
    let heldEmails = 0;
    try {
      await assertEmptyDatabase(client);
      await runMigrations({ databaseUrl: options.databaseUrl, migrationsDir: await migrationsAsOf(manifest, sourceMigrations, work) });

      await client.query("BEGIN");
      // Rows go in table by table; foreign keys are whole again once every table is loaded.
      await client.query("SET LOCAL session_replication_role = replica");
      // Rows a migration wrote (the install id) give way to the backup's.
      if (manifest.tables.Installation !== undefined) await client.query(`DELETE FROM "Installation"`);
      for (const table of Object.keys(manifest.tables)) {
        await loadTable(client, path.join(work, "database", `${table}.jsonl`), table);
      }
      // Waiting or in flight in the backup: it may have left since. An admin decides.
      if (manifest.tables.OutboxEmail !== undefined) {
        heldEmails = (
          await client.query(
            `UPDATE "OutboxEmail" SET "status" = 'HELD', "leaseOwner" = NULL, "leaseUntil" = NULL, "updatedAt" = now()
             WHERE "status" IN ('PENDING', 'SENDING')`,
          )
        ).rowCount ?? 0;
      }
      // A restored copy is another installation: new uploads and its sweep get their own prefix,
      // so it and the original never delete each other's files in a shared store.
      if (manifest.tables.Installation !== undefined) {
        await client.query(`UPDATE "Installation" SET "installId" = replace(gen_random_uuid()::text, '-', '')`);
      }
      await client.query("COMMIT");
      log(`Base : ${Object.keys(manifest.tables).length} tables chargées, ${heldEmails} e-mail(s) suspendu(s)`);
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      await client.end().catch(() => undefined);
    }

    const { applied } = await runMigrations({ databaseUrl: options.databaseUrl, migrationsDir: sourceMigrations });
    if (applied.length) log(`Migrations appliquées depuis la sauvegarde : ${applied.join(", ")}`);

    for (const file of manifest.files) {
      const data = await readFile(path.join(work, "uploads", ...file.key.split("/")));
      if (sha256(data) !== file.sha256) throw new BackupError(`Fichier altéré dans l'archive : ${file.key}`);
      await options.storage.put(file.key, data, "application/octet-stream");
    }
    log(`Fichiers : ${manifest.files.length} remis en place`);

    await verifyRestore(options.databaseUrl, options.storage, manifest);
    log("Vérification : nombres de lignes et empreintes SHA-256 conformes au manifeste");

    const secrets: Record<string, string> = {};
    for (const name of manifest.secrets) secrets[name] = (await readFile(path.join(work, "secrets", name), "utf8")).trim();
    return { manifest, heldEmails, secrets };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

// The restored copy against the manifest: every table's row count, every file's SHA-256.
export async function verifyRestore(databaseUrl: string, storage: Storage, manifest: BackupManifest): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "crm-restore-verify" });
  client.on("error", () => undefined);
  await client.connect();
  try {
    for (const [table, expected] of Object.entries(manifest.tables)) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoteIdent(table)}`);
      const actual = Number(rows[0]?.n ?? 0);
      if (actual !== expected) throw new BackupError(`Table ${table} : ${actual} ligne(s) au lieu de ${expected}.`);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
  for (const file of manifest.files) {
    const data = await storage.get(file.key);
    if (sha256(data) !== file.sha256) throw new BackupError(`Fichier ${file.key} : empreinte SHA-256 différente.`);
  }
}
