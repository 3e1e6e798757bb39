// For the admin form creating agreement versions (issue 9): a new version may not start on or
// before the end of a month already settled by a validated (or paid) statement, so a rate
// change never rewrites what a statement of record shows.
import { addMonths, monthOfColumn } from "@/lib/commissions/compute";
import type { DbClient } from "@/lib/prisma-client";
import { AppError } from "@/lib/errors";

// The first day a new version may start on ("YYYY-MM-DD"), or null when nothing is settled.
export async function earliestAgreementStartDay(db: DbClient, partnerId: string): Promise<string | null> {
  const last = await db.commissionStatement.findFirst({
    where: { partnerId, status: { in: ["VALIDATED", "PAID"] } },
    orderBy: { periodMonth: "desc" },
    select: { periodMonth: true },
  });
  return last ? `${addMonths(monthOfColumn(last.periodMonth), 1)}-01` : null;
}

// Throws a VALIDATION error on the startsOn field when the day falls in a settled period.
export async function assertAgreementStartAllowed(db: DbClient, partnerId: string, startsOn: string): Promise<void> {
  const earliest = await earliestAgreementStartDay(db, partnerId);
  if (earliest && startsOn < earliest) {
    const [y, m, d] = earliest.split("-");
    const message = `Un relevé validé couvre déjà cette période : la nouvelle version doit commencer le ${d}/${m}/${y} ou après.`;
    throw new AppError("VALIDATION", message, { startsOn: [message] });
  }
}
