// Applies prisma/migrations without Prisma's schema engine (not installable offline), keeping its
// bookkeeping: rows in `_prisma_migrations` with the same table, checksum and lock, so
// `prisma migrate deploy` / `migrate status` on a connected machine see these migrations as applied.
import { createHash, randomUUID } from "node:crypto";
import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

export const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

// Prisma Migrate's own advisory lock key: our runner and `prisma migrate deploy` exclude each other.
export const MIGRATION_LOCK_KEY = 72707369;

export const MIGRATIONS_TABLE = "_prisma_migrations";

// Verbatim from Prisma's PostgreSQL connector.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export type MigrationFile = {
  /** Folder name, e.g. `20261122150000_init`; also `migration_name` in `_prisma_migrations`. */
  name: string;
  sql: string;
  /** SHA-256 (hex) of migration.sql, as Prisma records it. */
  checksum: string;
};

export type RunMigrationsOptions = {
  databaseUrl: string;
  migrationsDir?: string;
  log?: (message: string) => void;
  // A server that accepts connections but never answers fails instead of hanging the start.
  connectTimeoutMs?: number;
  // Runs once the migrations are applied, still under the migration lock: the demo-data seed,
  // so two instances started at once on an empty database never both seed.
  whileLocked?: (databaseUrl: string) => Promise<void>;
};

export class MigrationError extends Error {
  readonly migration: string | undefined;

  constructor(message: string, migration?: string) {
    super(message);
    this.name = "MigrationError";
    this.migration = migration;
  }
}

type MigrationRecord = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
};

export function migrationChecksum(content: string | Buffer): string {
  return createHash("sha256").update(content).digest("hex");
}

export async function readMigrations(migrationsDir: string = DEFAULT_MIGRATIONS_DIR): Promise<MigrationFile[]> {
  await assertPostgresLockFile(migrationsDir);
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const folders = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const migrations: MigrationFile[] = [];
  for (const name of folders) {
    const file = path.join(migrationsDir, name, "migration.sql");
    const exists = await stat(file).then(
      (s) => s.isFile(),
      () => false,
    );
    if (!exists) {
      throw new MigrationError(
        `Le dossier de migration « ${name} » ne contient pas de migration.sql / migration folder "${name}" has no migration.sql.`,
        name,
      );
    }
    const content = await readFile(file);
    migrations.push({ name, sql: content.toString("utf8"), checksum: migrationChecksum(content) });
  }
  return migrations;
}

/** Applies pending migrations in name order, each in its own transaction; returns their names. */
export async function runMigrations(options: RunMigrationsOptions): Promise<{ applied: string[] }> {
  const log = options.log ?? (() => undefined);
  const migrations = await readMigrations(options.migrationsDir);

  const client = new pg.Client({
    connectionString: options.databaseUrl,
    application_name: "crm-migrate",
    connectionTimeoutMillis: options.connectTimeoutMs,
  });
  // A dropped connection also rejects the pending query; without a listener it would crash the process.
  client.on("error", () => undefined);
  await client.connect();
  try {
    const locked = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [
      MIGRATION_LOCK_KEY,
    ]);
    if (!locked.rows[0]?.locked) {
      log("Une autre migration est en cours, attente du verrou… / waiting for another migration run to finish…");
      await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    }
    try {
      await client.query(CREATE_MIGRATIONS_TABLE);
      const records = await loadRecords(client);
      const pending = selectPending(migrations, records);
      const applied: string[] = [];
      for (const migration of pending) {
        log(`Application de la migration ${migration.name}…`);
        await applyMigration(client, migration);
        applied.push(migration.name);
      }
      if (applied.length === 0) log("Base à jour : aucune migration en attente.");
      if (options.whileLocked) await options.whileLocked(options.databaseUrl);
      return { applied };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function loadRecords(client: pg.Client): Promise<MigrationRecord[]> {
  const result = await client.query<MigrationRecord>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "${MIGRATIONS_TABLE}" ORDER BY started_at, migration_name`,
  );
  return result.rows;
}

function selectPending(migrations: MigrationFile[], records: MigrationRecord[]): MigrationFile[] {
  const failed = records.find((r) => r.finished_at === null && r.rolled_back_at === null);
  if (failed) {
    throw new MigrationError(
      `La migration « ${failed.migration_name} » a échoué lors d'une tentative précédente et la base est peut-être ` +
        `dans un état intermédiaire. Corrigez la base, puis marquez-la avec \`prisma migrate resolve --rolled-back ` +
        `${failed.migration_name}\` (ou --applied) avant de relancer.\n` +
        `Migration "${failed.migration_name}" failed in a previous attempt; resolve it before migrating again.`,
      failed.migration_name,
    );
  }

  const byName = new Map(migrations.map((m) => [m.name, m]));
  const applied = new Set<string>();
  for (const record of records) {
    if (record.rolled_back_at !== null) continue;
    const local = byName.get(record.migration_name);
    if (!local) {
      throw new MigrationError(
        `La migration « ${record.migration_name} » est appliquée en base mais absente de prisma/migrations : ` +
          `ce code est plus ancien que la base.\n` +
          `Migration "${record.migration_name}" is applied to the database but missing from prisma/migrations.`,
        record.migration_name,
      );
    }
    if (!checksumMatches(local, record.checksum)) {
      throw new MigrationError(
        `La migration « ${record.migration_name} » a été modifiée après avoir été appliquée (somme SHA-256 différente). ` +
          `Ne modifiez jamais une migration appliquée : annulez la modification et écrivez une nouvelle migration.\n` +
          `Migration "${record.migration_name}" was modified after it was applied (checksum mismatch).`,
        record.migration_name,
      );
    }
    applied.add(record.migration_name);
  }
  return migrations.filter((m) => !applied.has(m.name));
}

// Like Prisma, accept a file whose only change is CRLF line endings (a Windows checkout).
function checksumMatches(migration: MigrationFile, recorded: string): boolean {
  return recorded === migration.checksum || recorded === migrationChecksum(migration.sql.replaceAll("\r\n", "\n"));
}

async function applyMigration(client: pg.Client, migration: MigrationFile): Promise<void> {
  await client.query("BEGIN");
  try {
    await client.query(migration.sql);
    await client.query(
      `INSERT INTO "${MIGRATIONS_TABLE}" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
       VALUES ($1, $2, clock_timestamp(), $3, NULL, NULL, now(), 1)`,
      [randomUUID(), migration.checksum, migration.name],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    const detail = error instanceof Error ? error.message : String(error);
    const line = errorLine(migration.sql, error);
    throw new MigrationError(
      `La migration « ${migration.name} » a échoué${line ? ` (ligne ${line})` : ""} et a été entièrement annulée : ${detail}\n` +
        `Migration "${migration.name}" failed and was rolled back.`,
      migration.name,
    );
  }
}

function errorLine(sql: string, error: unknown): number | undefined {
  const position = Number((error as { position?: string } | null)?.position);
  if (!Number.isInteger(position) || position <= 0) return undefined;
  return sql.slice(0, position - 1).split("\n").length;
}

async function assertPostgresLockFile(migrationsDir: string): Promise<void> {
  let lock: string;
  try {
    lock = await readFile(path.join(migrationsDir, "migration_lock.toml"), "utf8");
  } catch {
    return;
  }
  const provider = /^\s*provider\s*=\s*"([^"]*)"/m.exec(lock)?.[1];
  if (provider && provider !== "postgresql") {
    throw new MigrationError(
      `prisma/migrations/migration_lock.toml indique le fournisseur « ${provider} », attendu « postgresql ».`,
    );
  }
}
