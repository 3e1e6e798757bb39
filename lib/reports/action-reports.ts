// « Actions faites » and « Actions non faites » (the seed's lists of done and not done actions): the period applies to
// when an action was done (doneAt) or is due (dueAt); « Responsable » is the action's assignee;
// partner, origin and prospect type are those of the action's prospect.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { db as defaultDb } from "@/lib/db";
import { isCalendarDay } from "@/lib/dates";
import type { DbClient } from "@/lib/prisma-client";
import { isEmptyWhere } from "@/lib/prisma-where";
import { visibleActionsWhere } from "@/lib/prospects/queries";
import { keysetPage, keysetQuery, type KeysetPage, type KeysetRequest, type KeysetSort } from "@/lib/pagination/keyset";
import { exportDateStamp, keysetBatches, type ExportSource } from "@/lib/reports/export-source";
import type { ExportColumn, ExportValue } from "@/lib/reports/export-values";
import { periodRange, type ReportFilters, type ReportParams } from "@/lib/reports/filters";
import { assertCanViewReports, prospectFiltersWhere, rangeCondition } from "@/lib/reports/where";

export type ActionReportKind = "done" | "notDone";

export const ACTION_REPORT_TITLES: Record<ActionReportKind, string> = {
  done: "Actions faites",
  notDone: "Actions non faites",
};

export const ACTION_REPORT_SLUGS: Record<ActionReportKind, string> = {
  done: "actions-faites",
  notDone: "actions-non-faites",
};

const actionReportSelect = {
  id: true,
  subject: true,
  dueAt: true,
  doneAt: true,
  outcome: true,
  opportunityId: true,
  type: { select: { id: true, name: true, color: true } },
  prospect: { select: { id: true, name: true } },
  assignee: { select: { id: true, name: true } },
} satisfies Prisma.ActionSelect;

export type ActionReportRow = Prisma.ActionGetPayload<{ select: typeof actionReportSelect }>;

export type ActionTypeCount = { typeId: string; name: string; color: string; count: number };

// A keyset page of the report (lib/pagination/keyset.ts) with the exact per-type counts.
export type ActionReport = KeysetPage<ActionReportRow> & {
  total: number;
  perPage: number;
  countsByType: ActionTypeCount[];
};

export function actionReportWhere(actor: Actor, kind: ActionReportKind, filters: ReportFilters): Prisma.ActionWhereInput {
  const range = rangeCondition(periodRange(filters));
  const prospect = prospectFiltersWhere(actor, filters);
  return {
    AND: [
      // Every action has a prospect: with no condition on it, the join is left out so the
      // doneAt/dueAt indexes serve the order (a join made it a sort of every done action).
      isEmptyWhere(prospect) ? {} : { prospect },
      visibleActionsWhere(actor),
      // doneAt IS NOT NULL (true of every done action) lets the (doneAt, id) index start past the
      // not-done rows, whose NULLs come first when it is read backwards (measured: 700k skipped).
      kind === "done" ? { done: true, doneAt: { not: null } } : { done: false },
      range ? (kind === "done" ? { doneAt: range } : { dueAt: range }) : {},
      filters.owner ? { assigneeId: filters.owner } : {},
    ],
  };
}

// The page's and the export's order: latest done first; soonest due first, undated last. A done
// action always has its doneAt, so the done order needs no NULLS clause and the (doneAt, id)
// index read backwards serves it.
const REPORT_SORT: Record<ActionReportKind, KeysetSort> = {
  done: { field: "doneAt", dir: "desc", nullable: false, idDir: "desc" },
  notDone: { field: "dueAt", dir: "asc", nullable: true, idDir: "asc" },
};

// The per-type counts. Done actions with no condition but the period come from the per-type,
// per-Paris-day rollup the database keeps (ActionDoneDayRollup): the report's « du » and « au »
// are whole Paris days, so the period is a range of its days. Any other filter counts live.
async function countDoneByType(
  actor: Actor,
  kind: ActionReportKind,
  filters: ReportFilters,
  where: Prisma.ActionWhereInput,
  db: DbClient,
): Promise<{ typeId: string; count: number }[]> {
  const fromRollup =
    kind === "done" && !filters.owner && isEmptyWhere(prospectFiltersWhere(actor, filters)) && isEmptyWhere(visibleActionsWhere(actor));
  if (!fromRollup) {
    const groups = await db.action.groupBy({ by: ["typeId"], where, _count: { _all: true } });
    return groups.map((g) => ({ typeId: g.typeId, count: g._count._all }));
  }
  const day = (value: string) => new Date(`${value}T00:00:00.000Z`);
  const groups = await db.actionDoneDayRollup.groupBy({
    by: ["typeId"],
    where: {
      day: { ...(isCalendarDay(filters.from) ? { gte: day(filters.from) } : {}), ...(isCalendarDay(filters.to) ? { lte: day(filters.to) } : {}) },
    },
    _sum: { count: true },
  });
  return groups.map((g) => ({ typeId: g.typeId, count: g._sum.count ?? 0 })).filter((g) => g.count > 0);
}

export async function findActionReport(
  actor: Actor,
  kind: ActionReportKind,
  params: ReportParams,
  db: DbClient = defaultDb,
  request: KeysetRequest = { kind: "first" },
): Promise<ActionReport> {
  assertCanViewReports(actor);
  const where = actionReportWhere(actor, kind, params);
  const sort = REPORT_SORT[kind];
  const fetch = (req: KeysetRequest) => {
    const q = keysetQuery(sort, req);
    return db.action.findMany({
      where: { AND: [where, q.where as Prisma.ActionWhereInput] },
      orderBy: q.orderBy as Prisma.ActionOrderByWithRelationInput[],
      take: params.perPage + 1,
      select: actionReportSelect,
    });
  };
  // The total is the sum of the per-type counts the page shows anyway: one scan, not two.
  const [groups, fetched] = await Promise.all([
    countDoneByType(actor, kind, params, where, db),
    fetch(request),
  ]);
  const total = groups.reduce((sum, g) => sum + g.count, 0);
  let effective = request;
  let rows = fetched;
  if (request.kind === "before" && fetched.length < params.perPage) {
    effective = { kind: "first" };
    rows = await fetch(effective);
  }
  const types = await db.actionType.findMany({
    where: { id: { in: groups.map((g) => g.typeId) } },
    select: { id: true, name: true, color: true, position: true },
    orderBy: [{ position: "asc" }, { name: "asc" }],
  });
  const countOf = new Map(groups.map((g) => [g.typeId, g.count]));
  return {
    ...keysetPage(rows, params.perPage, effective, (row) => (kind === "done" ? row.doneAt : row.dueAt)),
    total,
    perPage: params.perPage,
    countsByType: types.map((t) => ({ typeId: t.id, name: t.name, color: t.color, count: countOf.get(t.id) ?? 0 })),
  };
}

function exportColumns(kind: ActionReportKind): ExportColumn[] {
  return [
    { header: kind === "done" ? "Faite le" : "Échéance", kind: "datetime" },
    { header: "Type", kind: "text" },
    { header: "Objet", kind: "text" },
    { header: "Prospect", kind: "text" },
    { header: "Responsable", kind: "text" },
    ...(kind === "done" ? [{ header: "Résultat", kind: "text" } as const] : []),
  ];
}

function exportCells(kind: ActionReportKind, row: ActionReportRow): ExportValue[] {
  const cells: ExportValue[] = [
    kind === "done" ? row.doneAt : row.dueAt,
    row.type.name,
    row.subject,
    row.prospect.name,
    row.assignee?.name ?? null,
  ];
  if (kind === "done") cells.push(row.outcome);
  return cells;
}

export function actionReportExportSource(
  actor: Actor,
  kind: ActionReportKind,
  filters: ReportFilters,
  db: DbClient = defaultDb,
): ExportSource {
  assertCanViewReports(actor);
  const where = actionReportWhere(actor, kind, filters);
  return {
    fileName: `${ACTION_REPORT_SLUGS[kind]}-${exportDateStamp()}`,
    sheetName: ACTION_REPORT_TITLES[kind],
    columns: exportColumns(kind),
    count: () => db.action.count({ where }),
    batches: async function* (batchSize) {
      const pages = keysetBatches(
        REPORT_SORT[kind],
        (batch) =>
          db.action.findMany({
            where: { AND: [where, batch.where as Prisma.ActionWhereInput] },
            orderBy: batch.orderBy as Prisma.ActionOrderByWithRelationInput[],
            take: batch.take,
            select: actionReportSelect,
          }),
        batchSize,
      );
      for await (const rows of pages) yield rows.map((row) => exportCells(kind, row));
    },
  };
}
