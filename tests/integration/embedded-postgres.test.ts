import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EmbeddedPostgresError, startEmbeddedPostgres } from "@/lib/server/embedded-postgres";

let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "crm-embedded-"));
  // Run as root, the server runs as the `postgres` user, which must be able to enter the directory.
  await chmod(root, 0o755);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen({ port: 0, host: "127.0.0.1" }, () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function sql<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

describe("startEmbeddedPostgres", () => {
  it("initialises a cluster with the app database, then reuses its data on the next start", async () => {
    const dataDir = path.join(root, "persistent");
    const port = await freePort();

    const first = await startEmbeddedPostgres({ dataDir, port, persistent: true, database: "crm" });
    try {
      expect(first.url).toBe(`postgresql://postgres:postgres@127.0.0.1:${port}/crm`);
      const [info] = await sql<{ db: string; encoding: string }>(
        first.url,
        "SELECT current_database() AS db, pg_encoding_to_char(encoding) AS encoding FROM pg_database WHERE datname = current_database()",
      );
      expect(info).toEqual({ db: "crm", encoding: "UTF8" });
      await sql(first.url, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')");
    } finally {
      await first.stop();
    }
    expect(existsSync(path.join(dataDir, "PG_VERSION"))).toBe(true);
    expect(existsSync(path.join(dataDir, "postmaster.pid"))).toBe(false);

    // A crash leaves postmaster.pid naming a process that no longer exists.
    const gone = spawnSync(process.execPath, ["-e", ""]).pid;
    await writeFile(path.join(dataDir, "postmaster.pid"), `${gone}\n${dataDir}\n`);

    const second = await startEmbeddedPostgres({ dataDir, port, persistent: true, database: "crm" });
    try {
      expect(await sql(second.url, "SELECT v FROM kept")).toEqual([{ v: "still here" }]);
    } finally {
      await second.stop();
    }
  });

  it("refuses a busy port with a clear message", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen({ port: 0, host: "127.0.0.1" }, resolve));
    const address = blocker.address();
    const port = typeof address === "object" && address ? address.port : 0;
    try {
      const start = startEmbeddedPostgres({ dataDir: path.join(root, "busy"), port, persistent: false });
      await expect(start).rejects.toBeInstanceOf(EmbeddedPostgresError);
      await expect(start).rejects.toThrow(new RegExp(`port ${port}.*déjà utilisé`, "i"));
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it("refuses a non-empty directory that holds no cluster instead of writing into it", async () => {
    const dataDir = path.join(root, "not-a-cluster");
    await mkdir(dataDir);
    await writeFile(path.join(dataDir, "notes.txt"), "mes notes");
    const start = startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: true });
    await expect(start).rejects.toThrow(/PG_VERSION/);
    expect(existsSync(path.join(dataDir, "notes.txt"))).toBe(true);
  });

  it("deletes a throwaway cluster on stop", async () => {
    const dataDir = path.join(root, "throwaway");
    const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
    expect(await sql(server.url, "SELECT 1 AS ok")).toEqual([{ ok: 1 }]);
    await server.stop();
    expect(existsSync(dataDir)).toBe(false);
  });
});
