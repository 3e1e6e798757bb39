import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { viaProspect } from "@/lib/auth/scope";
import { AppError } from "@/lib/errors";
import { listRepOptions } from "@/lib/objectives/queries";
import { weekBounds, type WeekBounds } from "@/lib/objectives/period";
import type { Db } from "@/lib/prisma-client";
import { isEmptyWhere } from "@/lib/prisma-where";

export type WeeklyActionsRow = { userId: string; name: string; planned: number; done: number };
export type WeeklyActions = { week: WeekBounds; rows: WeeklyActionsRow[] };

// « Actions de la semaine »: per rep, the actions assigned to him that are scheduled this week
// (an appointment by its start, anything else by its due time), and how many of them are done.
// A SALES user sees his own row; managers every active rep, including those with nothing planned.
export async function getWeeklyActions(actor: Actor, db: Db, now: Date = new Date()): Promise<WeeklyActions> {
  if (!can(actor.role, "prospect:internal:read")) throw new AppError("FORBIDDEN");
  const week = weekBounds(now);
  const reps = can(actor.role, "objective:manage") ? await listRepOptions(db) : [{ id: actor.id, name: actor.name }];
  const inWeek = { gte: week.start, lt: week.end };
  const counts = await db.action.groupBy({
    by: ["assigneeId", "done"],
    where: {
      AND: [
        // No join to the prospect when the scope is everything: the (assigneeId, startAt) and
        // (assigneeId, dueAt) indexes then count the week directly.
        isEmptyWhere(viaProspect(actor).prospect) ? {} : viaProspect(actor),
        { assigneeId: { in: reps.map((r) => r.id) } },
        { OR: [{ startAt: inWeek }, { startAt: null, dueAt: inWeek }] },
      ],
    },
    _count: { _all: true },
  });
  const rows = reps.map((rep) => {
    const mine = counts.filter((c) => c.assigneeId === rep.id);
    return {
      userId: rep.id,
      name: rep.name,
      planned: mine.reduce((sum, c) => sum + c._count._all, 0),
      done: mine.filter((c) => c.done).reduce((sum, c) => sum + c._count._all, 0),
    };
  });
  return { week, rows };
}
