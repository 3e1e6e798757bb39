import "server-only";
import type { DbClient } from "@/lib/prisma-client";

// Row lock on a quote until the caller's transaction ends: saves, validations and decisions on
// the same quote run one after the other, each seeing the previous one's result.
export async function lockQuote(tx: DbClient, quoteId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Quote" WHERE "id" = ${quoteId} FOR UPDATE`;
  return rows.length > 0;
}
