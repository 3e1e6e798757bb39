// The rows of a custom list: its whitelisted columns, its filters, the actor's scope.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SavedListEntity } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { db as defaultDb } from "@/lib/db";
import type { DbClient } from "@/lib/prisma-client";
import { visibleActionsWhere } from "@/lib/prospects/queries";
import { keysetPage, keysetQuery, type KeysetPage, type KeysetRequest, type KeysetSort, type KeysetValue } from "@/lib/pagination/keyset";
import { exportDateStamp, keysetBatches, type BatchArgs, type ExportSource } from "@/lib/reports/export-source";
import type { ExportValue } from "@/lib/reports/export-values";
import { XLSX_MAX_ROWS } from "@/lib/reports/export-writers";
import { periodRange } from "@/lib/reports/filters";
import { listRowReader } from "@/lib/reports/list-fields";
import { resolveListColumns, SAVED_LIST_ENTITY_LABELS, type ListColumn } from "@/lib/reports/list-columns";
import type { SavedListFilters } from "@/lib/reports/saved-list-schemas";
import { assertCanViewReports, prospectFiltersWhere, rangeCondition } from "@/lib/reports/where";

export type ListDefinition = { name: string; entity: SavedListEntity; columns: readonly string[]; filters: SavedListFilters };

type PageArgs = { skip: number; take: number };

// `sort` is the list's order; `batch` reads the rows after a keyset cursor for the exports.
type EntityQuery = {
  count: (take?: number) => Promise<number>;
  findMany: (select: Record<string, unknown>, page: PageArgs) => Promise<{ id: string }[]>;
  sort: KeysetSort;
  batch: (select: Record<string, unknown>, args: BatchArgs) => Promise<{ id: string }[]>;
};

const NEWEST_FIRST: KeysetSort = { field: "createdAt", dir: "desc", nullable: false, idDir: "desc" };
const LATEST_DUE_FIRST: KeysetSort = { field: "dueAt", dir: "desc", nullable: true, idDir: "desc" };

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
      count: (take) => db.prospect.count({ where, take }),
      findMany: (select, page) =>
        db.prospect.findMany({ where, select: select as Prisma.ProspectSelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...page }),
      sort: NEWEST_FIRST,
      batch: (select, args) =>
        db.prospect.findMany({
          where: { AND: [where, args.where as Prisma.ProspectWhereInput] },
          select: { ...select, createdAt: true } as Prisma.ProspectSelect,
          orderBy: args.orderBy as Prisma.ProspectOrderByWithRelationInput[],
          take: args.take,
        }),
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
      count: (take) => db.action.count({ where, take }),
      findMany: (select, page) =>
        db.action.findMany({
          where,
          select: select as Prisma.ActionSelect,
          orderBy: [{ dueAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
          ...page,
        }),
      sort: LATEST_DUE_FIRST,
      batch: (select, args) =>
        db.action.findMany({
          where: { AND: [where, args.where as Prisma.ActionWhereInput] },
          select: { ...select, dueAt: true } as Prisma.ActionSelect,
          orderBy: args.orderBy as Prisma.ActionOrderByWithRelationInput[],
          take: args.take,
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
    count: (take) => db.opportunity.count({ where, take }),
    findMany: (select, page) =>
      db.opportunity.findMany({ where, select: select as Prisma.OpportunitySelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...page }),
    sort: NEWEST_FIRST,
    batch: (select, args) =>
      db.opportunity.findMany({
        where: { AND: [where, args.where as Prisma.OpportunityWhereInput] },
        select: { ...select, createdAt: true } as Prisma.OpportunitySelect,
        orderBy: args.orderBy as Prisma.OpportunityOrderByWithRelationInput[],
        take: args.take,
      }),
  };
}

export type SavedListRow = { id: string; href: string; cells: ExportValue[] };

// Counted up to here: enough to say whether the XLSX export's limit is passed, without counting
// every row of a list over the whole base.
export const SAVED_LIST_COUNT_LIMIT = XLSX_MAX_ROWS + 1;

export type SavedListPage = KeysetPage<SavedListRow> & {
  columns: ListColumn[];
  total: number;
  totalIsLowerBound: boolean;
  perPage: number;
};

// One keyset page of a list (lib/pagination/keyset.ts), in the list's order.
export async function findSavedListRows(
  actor: Actor,
  list: ListDefinition,
  paging: { perPage: number },
  db: DbClient = defaultDb,
  request: KeysetRequest = { kind: "first" },
): Promise<SavedListPage> {
  assertCanViewReports(actor);
  const columns = resolveListColumns(list.entity, list.columns);
  const reader = listRowReader(
    list.entity,
    columns.map((c) => c.key),
  );
  const query = entityQuery(actor, list, db);
  const fetch = (req: KeysetRequest) => {
    const { where, orderBy } = keysetQuery(query.sort, req);
    return query.batch(reader.select, { where, orderBy, take: paging.perPage + 1 });
  };
  const [counted, fetched] = await Promise.all([query.count(SAVED_LIST_COUNT_LIMIT), fetch(request)]);
  let effective = request;
  let found = fetched;
  if (request.kind === "before" && fetched.length < paging.perPage) {
    effective = { kind: "first" };
    found = await fetch(effective);
  }
  const field = query.sort.field;
  const page = keysetPage(found, paging.perPage, effective, (row) => (row as Record<string, unknown>)[field] as KeysetValue);
  return {
    ...page,
    rows: page.rows.map((row) => ({ id: row.id, href: reader.href(row), cells: reader.cells(row) })),
    columns,
    total: Math.min(counted, XLSX_MAX_ROWS),
    totalIsLowerBound: counted > XLSX_MAX_ROWS,
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
      for await (const rows of keysetBatches(query.sort, (args) => query.batch(reader.select, args), batchSize)) {
        yield rows.map((row) => reader.cells(row));
      }
    },
  };
}
