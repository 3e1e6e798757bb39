// Builds the DRAFT statements of a Paris month (issue 10 §4). Not server-only: the worker's
// monthly job and the seed call it.
import { monthStartColumn } from "@/lib/commissions/compute";
import type { Db, DbClient } from "@/lib/prisma-client";

// The statement total is its lines plus its adjustments, recomputed on every change of a draft.
export async function refreshStatementTotal(tx: DbClient, statementId: string): Promise<number> {
  const [lines, adjustments] = await Promise.all([
    tx.commissionLine.aggregate({ where: { statementId }, _sum: { amountCents: true } }),
    tx.commissionAdjustment.aggregate({ where: { statementId }, _sum: { amountCents: true } }),
  ]);
  const totalCents = (lines._sum.amountCents ?? 0) + (adjustments._sum.amountCents ?? 0);
  await tx.commissionStatement.update({ where: { id: statementId }, data: { totalCents } });
  return totalCents;
}

export type GenerateResult = { month: string; statements: number; created: number; linesAttached: number };

// One DRAFT statement per organisation with lines not yet on a statement, dated in this month
// or before: a line that arrives after its month's statement was validated goes to the next one.
// Idempotent: a second run creates no statement and attaches only lines that came since.
export async function generateStatementsForMonth(db: Db, month: string): Promise<GenerateResult> {
  const periodMonth = monthStartColumn(month);
  const pending = await db.commissionLine.groupBy({
    by: ["partnerId"],
    where: { statementId: null, periodMonth: { lte: periodMonth } },
  });
  let created = 0;
  let linesAttached = 0;
  let statements = 0;
  for (const { partnerId } of pending) {
    await db.$transaction(async (tx) => {
      const inserted = await tx.commissionStatement.createMany({
        data: [{ partnerId, periodMonth }],
        skipDuplicates: true,
      });
      created += inserted.count;
      const rows = await tx.$queryRaw<{ id: string; status: string }[]>`
        SELECT "id", "status"::text AS "status" FROM "CommissionStatement"
        WHERE "partnerId" = ${partnerId} AND "periodMonth" = ${periodMonth} FOR UPDATE`;
      const statement = rows[0];
      // Validated already: its month is closed, the lines wait for the next statement.
      if (!statement || statement.status !== "DRAFT") return;
      statements += 1;
      const attached = await tx.commissionLine.updateMany({
        where: { partnerId, statementId: null, periodMonth: { lte: periodMonth } },
        data: { statementId: statement.id },
      });
      linesAttached += attached.count;
      await refreshStatementTotal(tx, statement.id);
    });
  }
  return { month, statements, created, linesAttached };
}
