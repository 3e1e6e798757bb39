// Database helpers for integration tests: the shared migrated test database, its reset between
// files, and throwaway databases for tests that need a pristine or unmigrated one.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createPrismaClient, type Db } from "@/lib/prisma-client";
import { runMigrations } from "@/lib/migrations/runner";
import { assertLocalDatabaseUrl, withDatabaseName } from "./local-database";
import "./provided-context";

let testDb: Db | undefined;

export function getTestDatabaseUrl(): string {
  const url = inject("databaseUrl");
  assertLocalDatabaseUrl(url);
  return url;
}

/** A Prisma client on the shared test database (same options as the app's). */
export function getTestDb(): Db {
  testDb ??= createPrismaClient(getTestDatabaseUrl(), { max: 4 });
  return testDb;
}

/** Empties every application table; `_prisma_migrations` keeps the schema's history and
 * `Installation` the database's identity (written by a migration, as in production). */
export async function resetDatabase(): Promise<void> {
  const db = getTestDb();
  const tables = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables
    WHERE schemaname = current_schema() AND tablename NOT IN ('_prisma_migrations', 'Installation')`;
  if (tables.length === 0) return;
  const list = tables.map((t) => `"${t.tablename.replaceAll('"', '""')}"`).join(", ");
  await db.$executeRawUnsafe(`TRUNCATE TABLE ${list} RESTART IDENTITY CASCADE`);
}

/** Closes the test client and the app's lazy `db` singleton (lib/db.ts) if a test used it. */
export async function disconnectTestDb(): Promise<void> {
  const appDb = (globalThis as { __crmDb?: Db }).__crmDb;
  (globalThis as { __crmDb?: Db }).__crmDb = undefined;
  const current = testDb;
  testDb = undefined;
  await Promise.all([current?.$disconnect(), appDb?.$disconnect()]);
}

export type ThrowawayDatabase = { name: string; url: string; drop(): Promise<void> };

/** A new, empty database on the test server (migrated when asked); drop() removes it. */
export async function createThrowawayDatabase(options: { migrate?: boolean } = {}): Promise<ThrowawayDatabase> {
  const serverUrl = getTestDatabaseUrl();
  const name = `crm_tmp_${randomBytes(6).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  const url = withDatabaseName(serverUrl, name);
  if (options.migrate) await runMigrations({ databaseUrl: url });
  return {
    name,
    url,
    drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
