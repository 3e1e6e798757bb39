import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PeriodBounds, WeekBounds } from "@/lib/objectives/period";
import type { Db } from "@/lib/prisma-client";

// Readers of the rollup tables the database keeps current in the same transaction as every
// opportunity or action change (migration 20261206150100_stage_week_rollups): the manager
// home's widgets cost O(reps × stages × months), not O(opportunities) or O(actions). They count
// every prospect, so they serve unscoped actors (internal staff) only; a scoped actor takes the
// live queries.

export type StageTotal = { count: number; amountCents: number };

// The rollup rows of a period, matching boardOpportunityWhere(): open opportunities expected by
// the end of the period (the undated too), won or lost ones closed during it. A period is whole
// Paris months, so both are ranges of the rollup's months.
function periodRollupWhere(bounds: PeriodBounds, repId: string | null): Prisma.OpportunityStageRollupWhereInput {
  return {
    ...(repId ? { ownerId: repId } : {}),
    OR: [
      { status: "OPEN", OR: [{ month: null }, { month: { lt: bounds.endDay } }] },
      { status: { in: ["WON", "LOST"] }, month: { gte: bounds.startDay, lt: bounds.endDay } },
    ],
  };
}

export async function stageTotalsFromRollup(
  db: Db,
  stageIds: string[],
  bounds: PeriodBounds,
  repId: string | null,
): Promise<Map<string, StageTotal>> {
  const rows = await db.opportunityStageRollup.groupBy({
    by: ["stageId"],
    where: { AND: [{ stageId: { in: stageIds } }, periodRollupWhere(bounds, repId)] },
    _sum: { count: true, amountCents: true },
  });
  return new Map(rows.map((r) => [r.stageId, { count: r._sum.count ?? 0, amountCents: Number(r._sum.amountCents ?? 0) }]));
}

// What was won during the period, every stage included.
export async function wonAmountFromRollup(db: Db, bounds: PeriodBounds, repId: string | null): Promise<number> {
  const won = await db.opportunityStageRollup.aggregate({
    where: { ...(repId ? { ownerId: repId } : {}), status: "WON", month: { gte: bounds.startDay, lt: bounds.endDay } },
    _sum: { amountCents: true },
  });
  return Number(won._sum.amountCents ?? 0);
}

export type WeekCount = { assigneeId: string; done: boolean; count: number };

export async function weekCountsFromRollup(db: Db, repIds: string[], week: WeekBounds): Promise<WeekCount[]> {
  return db.actionWeekRollup.findMany({
    where: { assigneeId: { in: repIds }, weekStart: week.firstDay },
    select: { assigneeId: true, done: true, count: true },
  });
}

// The ids of the first `take` cards of every column in one statement: a LATERAL per stage reads
// the (stageId, expectedCloseDate, id) index in the board's order and stops at `take`.
export async function boardCardIds(
  db: Db,
  stageIds: string[],
  bounds: PeriodBounds,
  repId: string | null,
  // Cards drawn from each column (same order as stageIds).
  takes: number[],
): Promise<string[]> {
  if (stageIds.length === 0) return [];
  // Strings, not Dates: a bound never depends on the session's time zone.
  const isoDay = (day: Date) => day.toISOString().slice(0, 10);
  const owner = repId ? Prisma.sql`AND o."ownerId" = ${repId}` : Prisma.empty;
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT c.id FROM unnest(${stageIds}::text[], ${takes}::int[]) AS s(id, take)
    CROSS JOIN LATERAL (
      SELECT o.id FROM "Opportunity" o
      WHERE o."stageId" = s.id ${owner}
        AND ((o.status = 'OPEN' AND (o."expectedCloseDate" IS NULL OR o."expectedCloseDate" < ${isoDay(bounds.endDay)}::date))
          OR (o.status IN ('WON', 'LOST') AND o."closedAt" >= ${bounds.start.toISOString()}::timestamptz
               AND o."closedAt" < ${bounds.end.toISOString()}::timestamptz))
      ORDER BY o."expectedCloseDate" ASC NULLS LAST, o.id ASC
      LIMIT s.take
    ) c`;
  return rows.map((r) => r.id);
}
