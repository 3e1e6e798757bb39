// REL-YYYY-NNNN: one gapless sequence per Paris calendar year, allocated by the validation's
// own transaction (the QuoteSequence pattern).
import type { DbClient } from "@/lib/prisma-client";

export function formatStatementNumber(year: number, n: number): string {
  if (!Number.isInteger(year) || !Number.isInteger(n) || n < 1) throw new Error(`Invalid statement number ${year}/${n}`);
  return `REL-${year}-${String(n).padStart(4, "0")}`;
}

// The upsert holds the year's row lock until the caller's transaction ends: concurrent
// validations queue on it, and one that rolls back gives its number back.
export async function allocateStatementNumber(tx: DbClient, year: number): Promise<string> {
  const rows = await tx.$queryRaw<{ lastNumber: number }[]>`
    INSERT INTO "CommissionStatementSequence" ("year", "lastNumber") VALUES (${year}, 1)
    ON CONFLICT ("year") DO UPDATE SET "lastNumber" = "CommissionStatementSequence"."lastNumber" + 1
    RETURNING "lastNumber"`;
  const n = rows[0]?.lastNumber;
  if (n === undefined) throw new Error("Statement sequence returned no number");
  return formatStatementNumber(year, Number(n));
}
