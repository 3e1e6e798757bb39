import "server-only";
import { getEnv } from "@/lib/env";
import { createPrismaClient, retryOnTransactionTimeout, type Db } from "@/lib/prisma-client";

export type { Db };

// The pool is kept on globalThis for the custom server's /api/metrics gauges.
type PoolStats = { totalCount: number; idleCount: number; waitingCount: number };
const globalForDb = globalThis as unknown as { __crmDb?: Db; __crmDbPool?: PoolStats };

function getDb(): Db {
  // One client per process (dev hot reloads would otherwise open a pool per reload),
  // created on first use so `next build` never needs a database.
  if (!globalForDb.__crmDb) {
    const env = getEnv();
    globalForDb.__crmDb = createPrismaClient(env.DATABASE_URL, {
      max: env.DATABASE_POOL_SIZE,
      connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
      transactionWaitMs: env.DATABASE_TRANSACTION_WAIT_MS,
      transactionTimeoutMs: env.DATABASE_TRANSACTION_TIMEOUT_MS,
      queryLogFile: env.QUERY_LOG_FILE,
      onPool: (pool) => (globalForDb.__crmDbPool = pool),
    });
  }
  return globalForDb.__crmDb;
}

export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const client = getDb();
    const value = Reflect.get(client, prop, client);
    if (prop === "$transaction" && typeof value === "function") {
      // Every transaction of the app gets one more try after a P2028 (see retryOnTransactionTimeout).
      return (...args: unknown[]) => retryOnTransactionTimeout(() => (value as (...a: unknown[]) => Promise<unknown>).apply(client, args));
    }
    return typeof value === "function" ? value.bind(client) : value;
  },
});
