// Slows down password guessing per account and per IP address. The counters live in
// PostgreSQL (AuthThrottle) so every app instance sees the same ones, and are updated with
// single atomic statements so concurrent failures all count. Database time (now()) is the
// only clock used, so app servers with skewed clocks agree.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";
import type { Db, DbClient } from "@/lib/prisma-client";

export type ThrottlePolicy = {
  // Failures allowed within the window before each further attempt must wait.
  freeAttempts: number;
  windowSeconds: number;
  // Cap of the exponential delay: the real user is never kept out longer than this.
  maxBlockSeconds: number;
  // Delay after the last free failure; doubles with each further failure.
  baseDelaySeconds: number;
};

export const BASE_DELAY_SECONDS = 10;

export function throttlePolicyFromEnv(): ThrottlePolicy {
  const env = getEnv();
  return {
    freeAttempts: env.LOGIN_THROTTLE_FREE_ATTEMPTS,
    windowSeconds: env.LOGIN_THROTTLE_WINDOW_SECONDS,
    maxBlockSeconds: env.LOGIN_THROTTLE_MAX_BLOCK_SECONDS,
    baseDelaySeconds: BASE_DELAY_SECONDS,
  };
}

export function accountThrottleKey(email: string): string {
  return `account:${email.trim().toLowerCase()}`;
}

export function deviceThrottleKey(deviceId: string): string {
  return `device:${deviceId}`;
}

export function ipThrottleKey(ip: string): string {
  return `ip:${ip}`;
}

// The longest wait among the given keys, or null when none is blocked.
export async function getThrottleBlock(db: Db, keys: readonly string[]): Promise<{ retryAfterSeconds: number } | null> {
  if (keys.length === 0) return null;
  const rows = await db.$queryRaw<Array<{ retryAfterSeconds: number | null }>>`
    SELECT CEIL(EXTRACT(EPOCH FROM (MAX("blockedUntil") - now())))::int AS "retryAfterSeconds"
    FROM "AuthThrottle"
    WHERE "key" = ANY(${[...keys]}::text[]) AND "blockedUntil" > now()`;
  const seconds = rows[0]?.retryAfterSeconds;
  return seconds == null ? null : { retryAfterSeconds: Math.max(1, seconds) };
}

// Counts one failed sign-in for every key. Once a key reaches `freeAttempts` failures within
// its window, it is blocked for baseDelay · 2^(failures − freeAttempts), capped at maxBlock.
export async function recordFailedSignIn(db: Db, keys: readonly string[], policy: ThrottlePolicy): Promise<void> {
  if (keys.length === 0) return;
  const free = Prisma.sql`${policy.freeAttempts}::int`;
  const windowExpired = Prisma.sql`t."windowStart" <= now() - make_interval(secs => ${policy.windowSeconds}::float8)`;
  const failures = Prisma.sql`(CASE WHEN ${windowExpired} THEN 1 ELSE t."failures" + 1 END)`;
  const blockedUntil = (count: Prisma.Sql) => Prisma.sql`
    CASE WHEN ${count} >= ${free}
      THEN now() + make_interval(secs => LEAST(
        ${policy.maxBlockSeconds}::float8,
        ${policy.baseDelaySeconds}::float8 * power(2, LEAST(${count} - ${free}, 30))
      ))
    END`;
  await db.$executeRaw`
    INSERT INTO "AuthThrottle" AS t ("key", "failures", "windowStart", "blockedUntil", "updatedAt")
    SELECT k, 1, now(), ${blockedUntil(Prisma.sql`1`)}, now()
    FROM unnest(${[...new Set(keys)]}::text[]) AS k
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = ${failures},
      "windowStart" = CASE WHEN ${windowExpired} THEN now() ELSE t."windowStart" END,
      "blockedUntil" = ${blockedUntil(failures)},
      "updatedAt" = now()`;
}

export async function clearThrottle(db: DbClient, key: string): Promise<void> {
  await db.authThrottle.deleteMany({ where: { key } });
}

// Drops counters whose window is over and that block nothing: the next failure would restart
// them from one anyway, so deleting them changes no outcome and keeps the table small.
export async function pruneThrottle(db: Db, policy: ThrottlePolicy): Promise<number> {
  return db.$executeRaw`
    DELETE FROM "AuthThrottle"
    WHERE "windowStart" <= now() - make_interval(secs => ${policy.windowSeconds}::float8)
      AND ("blockedUntil" IS NULL OR "blockedUntil" <= now())`;
}
