import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { viaProspect } from "@/lib/auth/scope";
import { AppError } from "@/lib/errors";
import { listRepOptions } from "@/lib/objectives/queries";
import { weekBounds, type WeekBounds } from "@/lib/objectives/period";
import { weekCountsFromRollup, type WeekCount } from "@/lib/objectives/rollups";
import type { Db } from "@/lib/prisma-client";
import { isEmptyWhere } from "@/lib/prisma-where";

export type WeeklyActionsRow = { userId: string; name: string; planned: number; done: number };
export type WeeklyActions = { week: WeekBounds; rows: WeeklyActionsRow[] };

// A scoped actor counts live: the rollup (ActionWeekRollup) counts every prospect's actions.
async function liveWeekCounts(db: Db, actor: Actor, repIds: string[], week: WeekBounds): Promise<WeekCount[]> {
  const inWeek = { gte: week.start, lt: week.end };
  const groups = await db.action.groupBy({
    by: ["assigneeId", "done"],
    where: {
      AND: [viaProspect(actor), { assigneeId: { in: repIds } }, { OR: [{ startAt: inWeek }, { startAt: null, dueAt: inWeek }] }],
    },
    _count: { _all: true },
  });
  return groups.map((g) => ({ assigneeId: g.assigneeId ?? "", done: g.done, count: g._count._all }));
}

// « Actions de la semaine »: per rep, the actions assigned to him that are scheduled this week
// (an appointment by its start, anything else by its due time), and how many of them are done.
// A SALES user sees his own row; managers every active rep, including those with nothing planned.
export async function getWeeklyActions(actor: Actor, db: Db, now: Date = new Date()): Promise<WeeklyActions> {
  if (!can(actor.role, "prospect:internal:read")) throw new AppError("FORBIDDEN");
  const week = weekBounds(now);
  const reps = can(actor.role, "objective:manage") ? await listRepOptions(db) : [{ id: actor.id, name: actor.name }];
  const repIds = reps.map((r) => r.id);
  const counts = isEmptyWhere(viaProspect(actor).prospect)
    ? await weekCountsFromRollup(db, repIds, week)
    : await liveWeekCounts(db, actor, repIds, week);
  const rows = reps.map((rep) => {
    const mine = counts.filter((c) => c.assigneeId === rep.id);
    return {
      userId: rep.id,
      name: rep.name,
      planned: mine.reduce((sum, c) => sum + c.count, 0),
      done: mine.filter((c) => c.done).reduce((sum, c) => sum + c.count, 0),
    };
  });
  return { week, rows };
}
