// Not server-only: the seed and the commissions backfill command, which run outside Next.js,
// apply the same rule.
import { cache } from "react";
import { isCalendarDay, parisDayOf } from "@/lib/dates";
import type { DbClient } from "@/lib/prisma-client";

export type AgreementTerms = {
  id: string;
  startsOn: Date;
  directRateBps: number;
  networkRateBps: number;
  entitlementMonths: number | null;
  notes: string | null;
};

const TERMS_SELECT = {
  id: true,
  startsOn: true,
  directRateBps: true,
  networkRateBps: true,
  entitlementMonths: true,
  notes: true,
} as const;

// A `@db.Date` column holds the calendar day as UTC midnight.
export function dayAsDateColumn(day: string): Date {
  if (!isCalendarDay(day)) throw new RangeError(`Jour invalide : ${day}`);
  return new Date(`${day}T00:00:00.000Z`);
}

// The version of an organisation's agreement in force on a Paris calendar day (or on the Paris
// day of an instant): the latest one starting on or before it. Null before the first version.
export async function findAgreementInForce(
  db: DbClient,
  partnerId: string,
  on: string | Date,
): Promise<AgreementTerms | null> {
  const day = typeof on === "string" ? on : parisDayOf(on);
  return db.agreementVersion.findFirst({
    where: { partnerId, startsOn: { lte: dayAsDateColumn(day) } },
    orderBy: { startsOn: "desc" },
    select: TERMS_SELECT,
  });
}

// The terms in force today, read once per request (React's cache()) when several parts of a page
// (the file's earner, its connections) show them. Outside a request it simply reads.
export const findAgreementInForceToday = cache(
  (db: DbClient, partnerId: string): Promise<AgreementTerms | null> => findAgreementInForce(db, partnerId, new Date()),
);
