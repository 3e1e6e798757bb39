import "server-only";
import { AppError } from "@/lib/errors";
import type { SetSalesTargetValues } from "@/lib/objectives/schemas";
import type { Db } from "@/lib/prisma-client";

export const REP_INVALID_MESSAGE = "Choisissez un commercial actif (commercial ou manager).";

// One target per rep and month: setting it again replaces the amount.
export async function setSalesTarget(db: Db, input: SetSalesTargetValues): Promise<{ id: string }> {
  const rep = await db.user.findFirst({
    where: { id: input.userId, active: true, role: { in: ["SALES", "MANAGER"] } },
    select: { id: true },
  });
  if (!rep) throw new AppError("VALIDATION", REP_INVALID_MESSAGE, { userId: [REP_INVALID_MESSAGE] });
  const [year, month] = input.month.split("-").map(Number) as [number, number];
  const periodStart = new Date(Date.UTC(year, month - 1, 1));
  return db.salesTarget.upsert({
    where: { userId_periodStart: { userId: rep.id, periodStart } },
    create: { userId: rep.id, periodStart, amountCents: input.amount },
    update: { amountCents: input.amount },
    select: { id: true },
  });
}
