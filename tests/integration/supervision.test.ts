// The launcher's supervision (issue 11): a worker that dies is restarted with growing delays
// and given up on after too many failures; an embedded PostgreSQL killed with -9 comes back;
// two instances started at once on an empty database migrate and seed once.
import { spawn } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "@/lib/operations/prepare-database";
import { restartDelayMs, runningChild, runningPid, supervise } from "@/lib/operations/supervisor";
import { createPrismaClient } from "@/lib/prisma-client";
import { startEmbeddedPostgres } from "@/lib/server/embedded-postgres";
import { DEMO_USERS } from "@/prisma/seed";
import { createThrowawayDatabase } from "@/tests/setup/db";
import { freePort } from "@/tests/support/free-port";

let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "crm-supervise-"));
  // The embedded server runs as the `postgres` user when the tests run as root.
  await chmod(tmp, 0o755);
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe("supervise", () => {
  it("doubles the delay after each quick failure, capped", () => {
    expect([1, 2, 3, 4, 10].map((n) => restartDelayMs(n, 1000, 30_000))).toEqual([1000, 2000, 4000, 8000, 30_000]);
  });

  it("restarts a process that dies, then gives up with a reason after too many failures in a row", { timeout: 20_000 }, async () => {
    const logs: string[] = [];
    let starts = 0;
    const gaveUp = new Promise<string>((resolve) => {
      supervise({
        name: "Le worker",
        log: (m) => logs.push(m),
        onGiveUp: resolve,
        initialDelayMs: 100,
        maxFailures: 3,
        start: async () => {
          starts += 1;
          return runningChild(spawn(process.execPath, ["-e", "setTimeout(() => process.exit(3), 50)"]));
        },
      });
    });
    expect(await gaveUp).toBe("Le worker s'est arrêté 4 fois de suite : abandon, arrêt de l'application.");
    expect(starts).toBe(4);
    expect(logs.filter((l) => l.startsWith("Le worker s'est arrêté (code 3) : redémarrage dans"))).toEqual([
      "Le worker s'est arrêté (code 3) : redémarrage dans 0.1 s",
      "Le worker s'est arrêté (code 3) : redémarrage dans 0.2 s",
      "Le worker s'est arrêté (code 3) : redémarrage dans 0.4 s",
    ]);
  });

  it("stop() ends the running process and restarts nothing", { timeout: 20_000 }, async () => {
    let starts = 0;
    const supervisor = supervise({
      name: "Le worker",
      log: () => undefined,
      onGiveUp: () => undefined,
      initialDelayMs: 50,
      start: async () => {
        starts += 1;
        return runningChild(spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"]));
      },
    });
    await supervisor.started;
    await supervisor.stop();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(starts).toBe(1);
  });

  it("brings the embedded PostgreSQL back after kill -9", { timeout: 120_000 }, async () => {
    const port = await freePort();
    const logs: string[] = [];
    let url = "";
    let pid: number | undefined;
    const supervisor = supervise({
      name: "PostgreSQL embarqué",
      log: (m) => logs.push(m),
      onGiveUp: (m) => logs.push(m),
      initialDelayMs: 200,
      start: async () => {
        const server = await startEmbeddedPostgres({ dataDir: path.join(tmp, "pg"), port, persistent: true });
        url = server.url;
        pid = server.pid;
        return runningPid(server.pid!, server.stop, 200);
      },
    });
    try {
      await supervisor.started;
      const firstPid = pid!;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query("CREATE TABLE survived (n int); INSERT INTO survived VALUES (42)");
      await client.end();

      process.kill(firstPid, "SIGKILL");
      await expect.poll(() => supervisor.restarts(), { timeout: 60_000, interval: 250 }).toBe(1);
      expect(pid).not.toBe(firstPid);
      expect(logs).toContain("PostgreSQL embarqué s'est arrêté (tué par un signal) : redémarrage dans 0.2 s");
      const again = new pg.Client({ connectionString: url });
      await again.connect();
      expect((await again.query("SELECT n FROM survived")).rows).toEqual([{ n: 42 }]);
      await again.end();
    } finally {
      await supervisor.stop();
    }
  });
});

describe("two instances starting at once on an empty database", () => {
  it("migrate and seed once", { timeout: 180_000 }, async () => {
    const target = await createThrowawayDatabase();
    try {
      const results = await Promise.all([
        prepareDatabase({ databaseUrl: target.url, seedDemoData: true }),
        prepareDatabase({ databaseUrl: target.url, seedDemoData: true }),
      ]);
      expect(results.filter((r) => r.applied.length > 0)).toHaveLength(1);
      expect(results.filter((r) => r.seeded)).toHaveLength(1);
      const db = createPrismaClient(target.url, { max: 1 });
      try {
        expect(await db.user.count()).toBe(DEMO_USERS.length);
      } finally {
        await db.$disconnect();
      }
    } finally {
      await target.drop();
    }
  });
});
