// The rows of a custom list: its whitelisted columns, its filters, the actor's scope.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SavedListEntity } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { db as defaultDb } from "@/lib/db";
import type { DbClient } from "@/lib/prisma-client";
import { visibleActionsWhere } from "@/lib/prospects/queries";
import { cursorBatches, exportDateStamp, type ExportSource } from "@/lib/reports/export-source";
import type { ExportValue } from "@/lib/reports/export-values";
import { periodRange } from "@/lib/reports/filters";
import { listRowReader } from "@/lib/reports/list-fields";
import { resolveListColumns, SAVED_LIST_ENTITY_LABELS, type ListColumn } from "@/lib/reports/list-columns";
import type { SavedListFilters } from "@/lib/reports/saved-list-schemas";
import { assertCanViewReports, prospectFiltersWhere, rangeCondition } from "@/lib/reports/where";

export type ListDefinition = { name: string; entity: SavedListEntity; columns: readonly string[]; filters: SavedListFilters };

type PageArgs = { cursor?: { id: string }; skip: number; take: number };

type EntityQuery = {
  count: () => Promise<number>;
  findMany: (select: Record<string, unknown>, page: PageArgs) => Promise<{ id: string }[]>;
};

// Prisma's select is typed per model; the reader's select is built from the same model's
// whitelisted fragments, hence the casts.
function entityQuery(actor: Actor, list: ListDefinition, db: DbClient): EntityQuery {
  const f = list.filters;
  const range = rangeCondition(periodRange(f));
  if (list.entity === "PROSPECT") {
    const where: Prisma.ProspectWhereInput = {
      AND: [
        prospectFiltersWhere(actor, f),
        range ? { createdAt: range } : {},
        f.owner ? { ownerId: f.owner } : {},
        f.status ? { status: f.status } : {},
        f.stage ? { stage: f.stage } : {},
      ],
    };
    return {
      count: () => db.prospect.count({ where }),
      findMany: (select, page) =>
        db.prospect.findMany({ where, select: select as Prisma.ProspectSelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...page }),
    };
  }
  if (list.entity === "ACTION") {
    const where: Prisma.ActionWhereInput = {
      AND: [
        { prospect: prospectFiltersWhere(actor, f) },
        visibleActionsWhere(actor),
        range ? { dueAt: range } : {},
        f.owner ? { assigneeId: f.owner } : {},
        f.done ? { done: f.done === "done" } : {},
        f.actionType ? { typeId: f.actionType } : {},
      ],
    };
    return {
      count: () => db.action.count({ where }),
      findMany: (select, page) =>
        db.action.findMany({
          where,
          select: select as Prisma.ActionSelect,
          orderBy: [{ dueAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
          ...page,
        }),
    };
  }
  const where: Prisma.OpportunityWhereInput = {
    AND: [
      { prospect: prospectFiltersWhere(actor, f) },
      range ? { createdAt: range } : {},
      f.owner ? { ownerId: f.owner } : {},
      f.opportunityStatus ? { status: f.opportunityStatus } : {},
    ],
  };
  return {
    count: () => db.opportunity.count({ where }),
    findMany: (select, page) =>
      db.opportunity.findMany({ where, select: select as Prisma.OpportunitySelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...page }),
  };
}

export type SavedListRow = { id: string; href: string; cells: ExportValue[] };

export type SavedListPage = {
  columns: ListColumn[];
  rows: SavedListRow[];
  total: number;
  page: number;
  perPage: number;
};

// One page of a list; a page past the end is clamped to the last one.
export async function findSavedListRows(
  actor: Actor,
  list: ListDefinition,
  paging: { page: number; perPage: number },
  db: DbClient = defaultDb,
): Promise<SavedListPage> {
  assertCanViewReports(actor);
  const columns = resolveListColumns(list.entity, list.columns);
  const reader = listRowReader(
    list.entity,
    columns.map((c) => c.key),
  );
  const query = entityQuery(actor, list, db);
  const total = await query.count();
  const page = Math.min(paging.page, Math.max(1, Math.ceil(total / paging.perPage)));
  const found = total === 0 ? [] : await query.findMany(reader.select, { skip: (page - 1) * paging.perPage, take: paging.perPage });
  return {
    columns,
    rows: found.map((row) => ({ id: row.id, href: reader.href(row), cells: reader.cells(row) })),
    total,
    page,
    perPage: paging.perPage,
  };
}

function fileSlug(name: string): string {
  const slug = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return slug || "liste";
}

export function savedListExportSource(actor: Actor, list: ListDefinition, db: DbClient = defaultDb): ExportSource {
  assertCanViewReports(actor);
  const columns = resolveListColumns(list.entity, list.columns);
  const reader = listRowReader(
    list.entity,
    columns.map((c) => c.key),
  );
  const query = entityQuery(actor, list, db);
  return {
    fileName: `${fileSlug(list.name)}-${exportDateStamp()}`,
    sheetName: SAVED_LIST_ENTITY_LABELS[list.entity],
    columns: columns.map((c) => ({ header: c.label, kind: c.kind })),
    count: query.count,
    batches: async function* (batchSize) {
      for await (const rows of cursorBatches((page) => query.findMany(reader.select, page), batchSize)) {
        yield rows.map((row) => reader.cells(row));
      }
    },
  };
}
