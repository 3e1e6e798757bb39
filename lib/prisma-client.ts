// Builds a Prisma client for a given URL. Shared by the app (lib/db.ts), scripts and tests,
// which must not import the server-only singleton.
import { appendFileSync } from "node:fs";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type PrismaClientOptions = {
  // Connections in this process's pool.
  max?: number;
  // A server that accepts but never answers fails the connection instead of hanging.
  connectTimeoutMs?: number;
  // How long an interactive transaction may wait for a connection, and may run.
  transactionWaitMs?: number;
  transactionTimeoutMs?: number;
  // The benchmark's capture (scripts/bench): every statement appended as a JSON line.
  queryLogFile?: string;
  // Receives the connection pool (the app reports its use in /api/metrics).
  onPool?: (pool: pg.Pool) => void;
};

type QueryEvent = { query: string; params: string; duration: number };

export const DATABASE_DEFAULTS = {
  connectTimeoutMs: 5000,
  transactionWaitMs: 10_000,
  transactionTimeoutMs: 20_000,
} as const;

export function createPrismaClient(connectionString: string, options: PrismaClientOptions = {}) {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? DATABASE_DEFAULTS.connectTimeoutMs,
  });
  options.onPool?.(pool);
  // Our pool, closed by $disconnect like the adapter's own would be.
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const { queryLogFile } = options;
  // The password hash is never loaded unless a query asks for it explicitly.
  const client = new PrismaClient({
    adapter,
    omit: { user: { passwordHash: true } },
    transactionOptions: {
      maxWait: options.transactionWaitMs ?? DATABASE_DEFAULTS.transactionWaitMs,
      timeout: options.transactionTimeoutMs ?? DATABASE_DEFAULTS.transactionTimeoutMs,
    },
    log: queryLogFile ? [{ emit: "event", level: "query" }] : [],
  });
  if (queryLogFile) {
    // Synchronous appends keep the statements in the order they ran.
    (client as unknown as { $on(event: "query", cb: (e: QueryEvent) => void): void }).$on("query", (e) => {
      appendFileSync(queryLogFile, JSON.stringify({ sql: e.query, params: e.params, ms: e.duration }) + "\n");
    });
  }
  return client;
}

export type Db = ReturnType<typeof createPrismaClient>;

// What factories and seed helpers accept: the client itself or an interactive transaction.
export type DbClient = Db | Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

// P2028: the transaction could not get a connection in time, or outran its limit; either way it
// was rolled back and nothing of it was written, so running it once more is safe.
export function isTransactionTimeout(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2028";
}

// A transaction that hit P2028 under a burst of load is tried once more before the user hears of it.
export async function retryOnTransactionTimeout<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!isTransactionTimeout(error)) throw error;
    await new Promise((resolve) => setTimeout(resolve, 50 + Math.floor(Math.random() * 200)));
    return run();
  }
}
