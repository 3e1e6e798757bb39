// Builds a Prisma client for a given URL. Shared by the app (lib/db.ts), scripts and tests,
// which must not import the server-only singleton.
import { appendFileSync } from "node:fs";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

type QueryEvent = { query: string; params: string; duration: number };

export function createPrismaClient(connectionString: string, options: { max?: number; queryLogFile?: string } = {}) {
  const adapter = new PrismaPg({ connectionString, max: options.max ?? 10 });
  const { queryLogFile } = options;
  // The password hash is never loaded unless a query asks for it explicitly.
  const client = new PrismaClient({
    adapter,
    omit: { user: { passwordHash: true } },
    log: queryLogFile ? [{ emit: "event", level: "query" }] : [],
  });
  if (queryLogFile) {
    // The benchmark's capture (scripts/bench): synchronous appends keep statements in order.
    (client as unknown as { $on(event: "query", cb: (e: QueryEvent) => void): void }).$on("query", (e) => {
      appendFileSync(queryLogFile, JSON.stringify({ sql: e.query, params: e.params, ms: e.duration }) + "\n");
    });
  }
  return client;
}

export type Db = ReturnType<typeof createPrismaClient>;

// What factories and seed helpers accept: the client itself or an interactive transaction.
export type DbClient = Db | Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
