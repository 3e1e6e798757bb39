// Builds a Prisma client for a given URL. Shared by the app (lib/db.ts), scripts and tests,
// which must not import the server-only singleton.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export function createPrismaClient(connectionString: string, options: { max?: number } = {}) {
  const adapter = new PrismaPg({ connectionString, max: options.max ?? 10 });
  // The password hash is never loaded unless a query asks for it explicitly.
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

export type Db = ReturnType<typeof createPrismaClient>;

// What factories and seed helpers accept: the client itself or an interactive transaction.
export type DbClient = Db | Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
