import { createHash } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_MIGRATIONS_DIR, MigrationError, readMigrations } from "@/lib/migrations/runner";
import { assertLocalDatabaseUrl, withDatabaseName } from "@/tests/setup/local-database";
import { countWhereClauses, getDatamodel, partialIndexPredicates } from "@/tests/setup/prisma-dmmf";

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "crm-migration-files-"));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function migration(name: string, sql: string) {
  await mkdir(path.join(dir, name));
  await writeFile(path.join(dir, name, "migration.sql"), sql);
}

describe("readMigrations", () => {
  it("lists migration folders in name order with the SHA-256 of each file", async () => {
    await migration("20270101000000_second", "SELECT 2;\n");
    await migration("20260101000000_first", "SELECT 1;\n");
    await writeFile(path.join(dir, "migration_lock.toml"), 'provider = "postgresql"\n');
    const found = await readMigrations(dir);
    expect(found.map((m) => m.name)).toEqual(["20260101000000_first", "20270101000000_second"]);
    expect(found[0]?.checksum).toBe(createHash("sha256").update("SELECT 1;\n").digest("hex"));
  });

  it("rejects a migration folder without migration.sql, naming it", async () => {
    await mkdir(path.join(dir, "20260101000000_empty"));
    await expect(readMigrations(dir)).rejects.toThrow(/20260101000000_empty.*migration\.sql/);
    await expect(readMigrations(dir)).rejects.toBeInstanceOf(MigrationError);
  });

  it("rejects migrations written for another database provider", async () => {
    await writeFile(path.join(dir, "migration_lock.toml"), 'provider = "mysql"\n');
    await expect(readMigrations(dir)).rejects.toThrow(/mysql/);
  });

  it("finds the project's migrations, the initial one first", async () => {
    const found = await readMigrations(DEFAULT_MIGRATIONS_DIR);
    expect(found[0]?.name).toMatch(/^\d{14}_init$/);
  });
});

describe("test database guard", () => {
  it("refuses a database that is not on this machine", () => {
    expect(() => assertLocalDatabaseUrl("postgresql://u:p@db.example.com:5432/crm")).toThrow(/db\.example\.com/);
    expect(() => assertLocalDatabaseUrl("postgresql://u:p@10.0.0.5/crm")).toThrow(/refusent/);
    expect(() => assertLocalDatabaseUrl("not a url")).toThrow(/invalide/);
  });

  it("accepts localhost, 127.0.0.1 and ::1", () => {
    expect(() => assertLocalDatabaseUrl("postgresql://u:p@localhost/crm")).not.toThrow();
    expect(() => assertLocalDatabaseUrl("postgresql://u:p@127.0.0.1:5433/crm")).not.toThrow();
    expect(() => assertLocalDatabaseUrl("postgresql://u:p@[::1]:5432/crm")).not.toThrow();
  });

  it("swaps only the database name of a URL", () => {
    expect(withDatabaseName("postgresql://u:p%40ss@127.0.0.1:5433/crm_test?sslmode=disable", "crm_tmp_1")).toBe(
      "postgresql://u:p%40ss@127.0.0.1:5433/crm_tmp_1?sslmode=disable",
    );
  });
});

describe("schema reader used by the drift test", () => {
  const schema = `
    datasource db {
      provider = "postgresql"
    }
    generator client {
      provider        = "prisma-client"
      previewFeatures = ["partialIndexes"]
    }
    model Note {
      id     String  @id
      body   String? @db.VarChar(80)
      pinned Boolean @default(false)
      @@unique([body], map: "Note_pinned_body_key", where: raw("\\"pinned\\""))
    }`;

  it("returns the models, fields and indexes Prisma sees", () => {
    const model = getDatamodel(schema).models.find((m) => m.name === "Note");
    const body = model?.fields.find((f) => f.name === "body");
    expect(body).toMatchObject({ isRequired: false, nativeType: ["VarChar", ["80"]] });
    expect(getDatamodel(schema).indexes.find((i) => i.type === "unique")?.dbName).toBe("Note_pinned_body_key");
  });

  it("pairs each partial index name with its raw predicate", () => {
    expect(partialIndexPredicates(schema)).toEqual(new Map([["Note_pinned_body_key", '"pinned"']]));
    expect(countWhereClauses(schema)).toBe(1);
  });

  it("reports an invalid schema", () => {
    expect(() => getDatamodel("model Broken { id Strin @id }")).toThrow();
  });
});
