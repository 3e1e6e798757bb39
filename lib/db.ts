import "server-only";
import { getEnv } from "@/lib/env";
import { createPrismaClient, type Db } from "@/lib/prisma-client";

export type { Db };

const globalForDb = globalThis as unknown as { __crmDb?: Db };

function getDb(): Db {
  // One client per process (dev hot reloads would otherwise open a pool per reload),
  // created on first use so `next build` never needs a database.
  globalForDb.__crmDb ??= createPrismaClient(getEnv().DATABASE_URL, { queryLogFile: getEnv().QUERY_LOG_FILE });
  return globalForDb.__crmDb;
}

export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const client = getDb();
    const value = Reflect.get(client, prop, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
