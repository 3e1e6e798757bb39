import "server-only";
import { readdir } from "node:fs/promises";
import path from "node:path";
import type { DbClient } from "@/lib/prisma-client";

// What /api/health/ready reports: enough for a load balancer or an operator to decide, nothing
// about the data itself (counts and ages only, no ids, no addresses).
export type Readiness = {
  status: "ok" | "unavailable";
  checks: {
    database: { ok: boolean; latencyMs?: number; error?: string };
    migrations: { ok: boolean; pending?: number };
    worker: { ok: boolean; lastSeenSecondsAgo: number | null };
    outbox: { pending: number; oldestPendingSeconds: number | null; held: number };
  };
};

export const READINESS_LIMITS = { databaseTimeoutMs: 1000, workerHeartbeatMaxAgeMs: 60_000 } as const;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`pas de réponse en ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

export async function migrationFolders(dir = path.join(process.cwd(), "prisma", "migrations")): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => e.name);
}

export async function checkReadiness(
  db: DbClient,
  options: { now?: Date; expectedMigrations?: string[]; databaseTimeoutMs?: number } = {},
): Promise<Readiness> {
  const now = options.now ?? new Date();
  const timeoutMs = options.databaseTimeoutMs ?? READINESS_LIMITS.databaseTimeoutMs;
  const started = Date.now();
  const checks: Readiness["checks"] = {
    database: { ok: false },
    migrations: { ok: false },
    worker: { ok: false, lastSeenSecondsAgo: null },
    outbox: { pending: 0, oldestPendingSeconds: null, held: 0 },
  };
  try {
    await withTimeout(db.$queryRaw`SELECT 1`, timeoutMs);
    checks.database = { ok: true, latencyMs: Date.now() - started };
  } catch (error) {
    // The driver's message may name hosts and users: the answer only says what failed.
    const timedOut = error instanceof Error && error.message.startsWith("pas de réponse");
    checks.database = { ok: false, error: timedOut ? `pas de réponse en ${timeoutMs} ms` : "injoignable" };
    return { status: "unavailable", checks };
  }

  const [expected, applied, heartbeat, pending, held] = await withTimeout(
    Promise.all([
      options.expectedMigrations ? Promise.resolve(options.expectedMigrations) : migrationFolders(),
      db.$queryRaw<{ migration_name: string }[]>`
        SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      db.workerHeartbeat.aggregate({ _max: { lastSeenAt: true } }),
      db.outboxEmail.aggregate({ where: { status: { in: ["PENDING", "SENDING"] } }, _count: { _all: true }, _min: { createdAt: true } }),
      db.outboxEmail.count({ where: { status: "HELD" } }),
    ]),
    timeoutMs * 3,
  );
  const appliedNames = new Set(applied.map((r) => r.migration_name));
  const missing = expected.filter((name) => !appliedNames.has(name)).length;
  checks.migrations = missing === 0 ? { ok: true } : { ok: false, pending: missing };

  const lastSeen = heartbeat._max.lastSeenAt;
  const age = lastSeen ? now.getTime() - lastSeen.getTime() : null;
  checks.worker = {
    ok: age !== null && age < READINESS_LIMITS.workerHeartbeatMaxAgeMs,
    lastSeenSecondsAgo: age === null ? null : Math.max(0, Math.round(age / 1000)),
  };
  const oldest = pending._min.createdAt;
  checks.outbox = {
    pending: pending._count._all,
    oldestPendingSeconds: oldest ? Math.max(0, Math.round((now.getTime() - oldest.getTime()) / 1000)) : null,
    held,
  };
  const ok = checks.database.ok && checks.migrations.ok && checks.worker.ok;
  return { status: ok ? "ok" : "unavailable", checks };
}
