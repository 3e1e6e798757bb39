// DEV-YYYY-NNNN: one gapless sequence per calendar year (Paris), allocated by the validation's
// own transaction.
import type { DbClient } from "@/lib/prisma-client";
import { PARIS_TIME_ZONE } from "@/lib/dates";

export function formatQuoteNumber(year: number, n: number): string {
  if (!Number.isInteger(year) || !Number.isInteger(n) || n < 1) throw new Error(`Invalid quote number ${year}/${n}`);
  return `DEV-${year}-${String(n).padStart(4, "0")}`;
}

const QUOTE_NUMBER = /^DEV-(\d{4})-(\d{4,})$/;

export function parseQuoteNumber(value: string): { year: number; n: number } | null {
  const match = QUOTE_NUMBER.exec(value);
  return match ? { year: Number(match[1]), n: Number(match[2]) } : null;
}

const yearFormatter = new Intl.DateTimeFormat("en-GB", { timeZone: PARIS_TIME_ZONE, year: "numeric" });

// A quote validated on 31 December at 23:30 Paris time belongs to that year, whatever UTC says.
export function parisYear(instant: Date): number {
  return Number(yearFormatter.format(instant));
}

// The upsert holds the year's row lock until the caller's transaction ends: concurrent
// validations queue on it, so numbers are distinct and consecutive, and a validation that rolls
// back gives its number back.
export async function allocateQuoteNumber(tx: DbClient, year: number): Promise<string> {
  const rows = await tx.$queryRaw<{ lastNumber: number }[]>`
    INSERT INTO "QuoteSequence" ("year", "lastNumber") VALUES (${year}, 1)
    ON CONFLICT ("year") DO UPDATE SET "lastNumber" = "QuoteSequence"."lastNumber" + 1
    RETURNING "lastNumber"`;
  const n = rows[0]?.lastNumber;
  if (n === undefined) throw new Error("Quote sequence returned no number");
  return formatQuoteNumber(year, Number(n));
}
