// /api/health/*: what a supervisor sees when the app is fine, when no worker runs, when a
// migration is missing, and when the database accepts connections but never answers.
import net from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as live } from "@/app/api/health/live/route";
import { GET as ready } from "@/app/api/health/ready/route";
import { enqueueEmail } from "@/lib/mail/outbox";
import { checkReadiness, migrationFolders } from "@/lib/operations/health";
import { createPrismaClient } from "@/lib/prisma-client";
import { getTestDb } from "@/tests/setup/db";

const db = getTestDb();
let silent: net.Server;
let silentPort = 0;
const sockets = new Set<net.Socket>();

beforeAll(async () => {
  // Accepts TCP connections and never says a word: the "port open, server hung" case.
  silent = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  silentPort = (silent.address() as net.AddressInfo).port;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
});

beforeEach(async () => {
  await db.workerHeartbeat.deleteMany();
  await db.outboxEmail.deleteMany();
});

async function beat(secondsAgo: number) {
  const at = new Date(Date.now() - secondsAgo * 1000);
  await db.workerHeartbeat.create({ data: { id: `w-${secondsAgo}`, hostname: "test", pid: 1, startedAt: at, lastSeenAt: at } });
}

describe("GET /api/health/live", () => {
  it("answers 200 without a database or a session", async () => {
    const response = live();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });
});

describe("GET /api/health/ready", () => {
  it("is 503 while no worker has a heartbeat, 200 once one is fresh", async () => {
    let response = await ready();
    expect(response.status).toBe(503);
    let body = await response.json();
    expect(body.checks).toMatchObject({ database: { ok: true }, migrations: { ok: true }, worker: { ok: false, lastSeenSecondsAgo: null } });

    await beat(120);
    body = await (await ready()).json();
    expect(body.checks.worker).toEqual({ ok: false, lastSeenSecondsAgo: 120 });

    await beat(5);
    response = await ready();
    expect(response.status).toBe(200);
    body = await response.json();
    expect(body.status).toBe("ok");
    expect(body.checks.worker).toEqual({ ok: true, lastSeenSecondsAgo: 5 });
  });

  it("reports the outbox backlog and its oldest age, and nothing about the messages", async () => {
    await beat(1);
    await db.$transaction((tx) =>
      enqueueEmail(tx, { dedupeKey: "health:1", to: ["secret.client@exemple.test"], subject: "Confidentiel", html: "<p>x</p>", text: "x" }),
    );
    await db.$executeRaw`UPDATE "OutboxEmail" SET "createdAt" = now() - interval '300 seconds'`;
    const response = await ready();
    const text = await response.text();
    expect(text).not.toContain("secret.client");
    expect(text).not.toContain("Confidentiel");
    const body = JSON.parse(text);
    expect(body.checks.outbox.pending).toBe(1);
    expect(body.checks.outbox.oldestPendingSeconds).toBeGreaterThanOrEqual(299);
  });

  it("is not ready when a migration of the code is missing from the database", async () => {
    await beat(1);
    const expected = [...(await migrationFolders()), "29990101000000_future"];
    const result = await checkReadiness(db, { expectedMigrations: expected });
    expect(result.status).toBe("unavailable");
    expect(result.checks.migrations).toEqual({ ok: false, pending: 1 });
  });

  it("gives up on a database that accepts but never answers within about a second", async () => {
    const hung = createPrismaClient(`postgresql://crm:crm@127.0.0.1:${silentPort}/crm`, { connectTimeoutMs: 5000 });
    try {
      const started = Date.now();
      const result = await checkReadiness(hung);
      expect(Date.now() - started).toBeLessThan(2500);
      expect(result.status).toBe("unavailable");
      expect(result.checks.database).toEqual({ ok: false, error: "pas de réponse en 1000 ms" });
    } finally {
      await hung.$disconnect().catch(() => undefined);
    }
  });
});
