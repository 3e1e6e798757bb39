import { describe, expect, it } from "vitest";
import { getEnv } from "@/lib/env";
import { createThrowawayDatabase, getTestDatabaseUrl, getTestDb, resetDatabase } from "@/tests/setup/db";
import pg from "pg";

describe("integration harness", () => {
  it("points lib/env at the migrated local test database", async () => {
    expect(getEnv().DATABASE_URL).toBe(getTestDatabaseUrl());
    const rows = await getTestDb().$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`;
    expect(rows.length).toBeGreaterThan(0);
  });

  it("resetDatabase empties application tables and keeps the migration history", async () => {
    const db = getTestDb();
    await db.partner.create({ data: { name: "Cabinet Test" } });
    await db.quoteSequence.create({ data: { year: 2026, lastNumber: 4 } });
    await resetDatabase();
    expect(await db.partner.count()).toBe(0);
    expect(await db.quoteSequence.count()).toBe(0);
    const history = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "_prisma_migrations"`;
    expect(Number(history[0]?.n)).toBeGreaterThan(0);
  });

  it("creates and drops throwaway databases on the test server", async () => {
    const temp = await createThrowawayDatabase();
    const client = new pg.Client({ connectionString: temp.url });
    await client.connect();
    const found = await client.query("SELECT current_database() AS name");
    await client.end();
    expect(found.rows[0]?.name).toBe(temp.name);
    await temp.drop();
    const admin = new pg.Client({ connectionString: getTestDatabaseUrl() });
    await admin.connect();
    const left = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [temp.name]);
    await admin.end();
    expect(left.rowCount).toBe(0);
  });
});
