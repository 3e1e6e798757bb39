import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_MIGRATIONS_DIR, MigrationError, runMigrations } from "@/lib/migrations/runner";
import { createThrowawayDatabase, type ThrowawayDatabase } from "@/tests/setup/db";

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function freshDatabase(): Promise<ThrowawayDatabase> {
  const database = await createThrowawayDatabase();
  cleanups.push(database.drop);
  return database;
}

// A private copy of prisma/migrations that a test may edit or extend.
async function migrationsCopy(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "crm-migrations-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  await cp(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

async function addMigration(dir: string, name: string, sql: string): Promise<void> {
  await mkdir(path.join(dir, name));
  await writeFile(path.join(dir, name, "migration.sql"), sql);
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

async function localMigrationNames(): Promise<string[]> {
  const entries = await readdir(DEFAULT_MIGRATIONS_DIR, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

describe("migration runner", () => {
  it("applies every migration once, then nothing on a second run", async () => {
    const database = await freshDatabase();
    const first = await runMigrations({ databaseUrl: database.url });
    expect(first.applied).toEqual(await localMigrationNames());
    const second = await runMigrations({ databaseUrl: database.url });
    expect(second.applied).toEqual([]);
    const rows = await query<{ n: string }>(database.url, `SELECT count(*) AS n FROM "_prisma_migrations"`);
    expect(Number(rows[0]?.n)).toBe(first.applied.length);
  });

  it("applies a new migration after the ones already applied", async () => {
    const database = await freshDatabase();
    const dir = await migrationsCopy();
    await runMigrations({ databaseUrl: database.url, migrationsDir: dir });
    await addMigration(dir, "29990101000000_add_partner_motto", `ALTER TABLE "Partner" ADD COLUMN "motto" TEXT;`);
    const { applied } = await runMigrations({ databaseUrl: database.url, migrationsDir: dir });
    expect(applied).toEqual(["29990101000000_add_partner_motto"]);
    const columns = await query(database.url, `SELECT 1 FROM information_schema.columns WHERE table_name = 'Partner' AND column_name = 'motto'`);
    expect(columns).toHaveLength(1);
  });

  it("records rows Prisma Migrate recognises: its table definition and the SHA-256 of each file", async () => {
    const database = await freshDatabase();
    await runMigrations({ databaseUrl: database.url });

    const columns = await query<{ column_name: string; data_type: string; is_nullable: string; character_maximum_length: number | null; column_default: string | null }>(
      database.url,
      `SELECT column_name, data_type, is_nullable, character_maximum_length, column_default
       FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns).toEqual([
      { column_name: "id", data_type: "character varying", is_nullable: "NO", character_maximum_length: 36, column_default: null },
      { column_name: "checksum", data_type: "character varying", is_nullable: "NO", character_maximum_length: 64, column_default: null },
      { column_name: "finished_at", data_type: "timestamp with time zone", is_nullable: "YES", character_maximum_length: null, column_default: null },
      { column_name: "migration_name", data_type: "character varying", is_nullable: "NO", character_maximum_length: 255, column_default: null },
      { column_name: "logs", data_type: "text", is_nullable: "YES", character_maximum_length: null, column_default: null },
      { column_name: "rolled_back_at", data_type: "timestamp with time zone", is_nullable: "YES", character_maximum_length: null, column_default: null },
      { column_name: "started_at", data_type: "timestamp with time zone", is_nullable: "NO", character_maximum_length: null, column_default: "now()" },
      { column_name: "applied_steps_count", data_type: "integer", is_nullable: "NO", character_maximum_length: null, column_default: "0" },
    ]);

    const rows = await query<{ id: string; checksum: string; migration_name: string; finished_at: Date | null; started_at: Date; rolled_back_at: Date | null; logs: string | null; applied_steps_count: number }>(
      database.url,
      `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    const names = await localMigrationNames();
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const row of rows) {
      const file = await readFile(path.join(DEFAULT_MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(file).digest("hex"));
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("refuses to go on when an applied migration's file has changed, naming it", async () => {
    const database = await freshDatabase();
    const dir = await migrationsCopy();
    await runMigrations({ databaseUrl: database.url, migrationsDir: dir });
    const [name] = await localMigrationNames();
    const file = path.join(dir, name!, "migration.sql");
    await writeFile(file, `${await readFile(file, "utf8")}\n-- edited after the fact\n`);
    await addMigration(dir, "29990101000000_next", `CREATE TABLE "ShouldNotExist" (id int);`);

    const run = runMigrations({ databaseUrl: database.url, migrationsDir: dir });
    await expect(run).rejects.toBeInstanceOf(MigrationError);
    await expect(run).rejects.toThrow(name!);
    await expect(run).rejects.toThrow(/modifiée|checksum/);
    expect(await query(database.url, `SELECT 1 FROM pg_tables WHERE tablename = 'ShouldNotExist'`)).toHaveLength(0);
  });

  it("accepts a file whose only change is CRLF line endings (Windows checkout)", async () => {
    const database = await freshDatabase();
    const dir = await migrationsCopy();
    await runMigrations({ databaseUrl: database.url, migrationsDir: dir });
    const [name] = await localMigrationNames();
    const file = path.join(dir, name!, "migration.sql");
    await writeFile(file, (await readFile(file, "utf8")).replaceAll("\n", "\r\n"));
    await expect(runMigrations({ databaseUrl: database.url, migrationsDir: dir })).resolves.toEqual({ applied: [] });
  });

  it("refuses when a previous attempt is recorded as failed", async () => {
    const database = await freshDatabase();
    await runMigrations({ databaseUrl: database.url });
    await query(
      database.url,
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ('00000000-0000-4000-8000-000000000000', $1, '29990101000000_half_done', now(), 0)`,
      ["0".repeat(64)],
    );
    await expect(runMigrations({ databaseUrl: database.url })).rejects.toThrow(/29990101000000_half_done.*échoué/);
  });

  it("refuses a database holding a migration this code does not have", async () => {
    const database = await freshDatabase();
    await runMigrations({ databaseUrl: database.url });
    await query(
      database.url,
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
       VALUES ('00000000-0000-4000-8000-000000000001', $1, now(), '29990101000000_from_the_future', now(), 1)`,
      ["0".repeat(64)],
    );
    await expect(runMigrations({ databaseUrl: database.url })).rejects.toThrow(/29990101000000_from_the_future.*absente/);
  });

  it("rolls back a failing migration entirely and records nothing", async () => {
    const database = await freshDatabase();
    const dir = await migrationsCopy();
    await runMigrations({ databaseUrl: database.url, migrationsDir: dir });
    await addMigration(
      dir,
      "29990101000000_broken",
      `CREATE TABLE "HalfDone" (id int);\nALTER TABLE "Partner" ADD COLUMN "oops" NO_SUCH_TYPE;\n`,
    );

    await expect(runMigrations({ databaseUrl: database.url, migrationsDir: dir })).rejects.toThrow(
      /29990101000000_broken.*ligne 2.*no_such_type/is,
    );
    expect(await query(database.url, `SELECT 1 FROM pg_tables WHERE tablename = 'HalfDone'`)).toHaveLength(0);
    expect(await query(database.url, `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '29990101000000_broken'`)).toHaveLength(0);

    // Fixed file: the next start applies it.
    await writeFile(path.join(dir, "29990101000000_broken", "migration.sql"), `CREATE TABLE "HalfDone" (id int);\n`);
    await expect(runMigrations({ databaseUrl: database.url, migrationsDir: dir })).resolves.toEqual({
      applied: ["29990101000000_broken"],
    });
  });

  it("applies once when two processes start at the same time (advisory lock)", async () => {
    const database = await freshDatabase();
    const runs = await Promise.all([
      runMigrations({ databaseUrl: database.url }),
      runMigrations({ databaseUrl: database.url }),
      runMigrations({ databaseUrl: database.url }),
    ]);
    const applied = runs.flatMap((r) => r.applied).sort();
    expect(applied).toEqual(await localMigrationNames());
    expect(runs.filter((r) => r.applied.length > 0)).toHaveLength(1);
    const rows = await query<{ n: string }>(database.url, `SELECT count(*) AS n FROM "_prisma_migrations"`);
    expect(Number(rows[0]?.n)).toBe(applied.length);
  });

  it("waits for a migration run holding Prisma's advisory lock", async () => {
    const database = await freshDatabase();
    const holder = new pg.Client({ connectionString: database.url });
    await holder.connect();
    cleanups.push(() => holder.end());
    await holder.query("SELECT pg_advisory_lock(72707369)");

    const messages: string[] = [];
    let settled = false;
    const run = runMigrations({ databaseUrl: database.url, log: (m) => messages.push(m) }).finally(() => {
      settled = true;
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(settled).toBe(false);
    expect(messages.join("\n")).toMatch(/verrou/);

    await holder.query("SELECT pg_advisory_unlock(72707369)");
    await expect(run).resolves.toEqual({ applied: await localMigrationNames() });
  });
});
