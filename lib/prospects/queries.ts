import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { prospectScope } from "@/lib/auth/scope";
import { db as defaultDb } from "@/lib/db";
import type { DbClient as Db } from "@/lib/prisma-client";
import type { ProspectListParams, ProspectSortKey } from "@/lib/prospects/schemas";
import { normaliseSearchText } from "@/lib/prospects/search-text";

export const prospectListSelect = {
  id: true,
  name: true,
  siren: true,
  city: true,
  status: true,
  stage: true,
  createdAt: true,
  partner: { select: { id: true, name: true } },
} satisfies Prisma.ProspectSelect;

export type ProspectListRow = Prisma.ProspectGetPayload<{ select: typeof prospectListSelect }>;

export type ProspectListResult = {
  rows: ProspectListRow[];
  total: number;
  page: number;
  perPage: number;
};

const SORT_ORDER: Record<ProspectSortKey, (dir: "asc" | "desc") => Prisma.ProspectOrderByWithRelationInput> = {
  name: (dir) => ({ name: dir }),
  siren: (dir) => ({ siren: { sort: dir, nulls: "last" } }),
  city: (dir) => ({ city: { sort: dir, nulls: "last" } }),
  status: (dir) => ({ status: dir }),
  stage: (dir) => ({ stage: dir }),
  partner: (dir) => ({ partner: { name: dir } }),
  createdAt: (dir) => ({ createdAt: dir }),
};

function orderByFor(sort: ProspectSortKey, dir: "asc" | "desc"): Prisma.ProspectOrderByWithRelationInput[] {
  // The id tie-breaker keeps pages stable when many rows share the sorted value.
  return [SORT_ORDER[sort](dir), { id: "asc" }];
}

function searchWhere(q: string): Prisma.ProspectWhereInput {
  const text = normaliseSearchText(q);
  if (!text) return {};
  // One LIKE on the generated, accent-free column: its trigram index answers it without a scan.
  const match: Prisma.ProspectWhereInput = { searchText: { contains: text } };
  // People type SIRENs as printed ("123 456 789"); the column holds bare digits.
  const digits = text.replace(/\s+/g, "");
  if (digits !== text && /^\d+$/.test(digits)) return { OR: [match, { siren: { contains: digits } }] };
  return match;
}

// The internal team's filters; a partner's list is its own organisation's files, so these are
// ignored for partners (a partner filter must not widen or probe another organisation's scope).
function internalFiltersWhere(actor: Actor, filters: ProspectListParams): Prisma.ProspectWhereInput[] {
  if (!can(actor.role, "prospect:read:any")) return [];
  const where: Prisma.ProspectWhereInput[] = [];
  if (filters.stage) where.push({ stage: filters.stage });
  if (filters.type) where.push({ typeId: filters.type });
  if (filters.owner) where.push({ ownerId: filters.owner });
  if (filters.origin) where.push({ originId: filters.origin });
  if (filters.partner) where.push({ partnerId: filters.partner });
  if (filters.view === "mine") where.push({ ownerId: actor.id });
  return where;
}

// The list's filters within the actor's scope, shared by the page and its export.
export function prospectListWhere(actor: Actor, filters: ProspectListParams): Prisma.ProspectWhereInput {
  return {
    AND: [
      prospectScope(actor),
      searchWhere(filters.q),
      filters.status ? { status: filters.status } : {},
      ...internalFiltersWhere(actor, filters),
    ],
  };
}

// The list's sort, ending with the id (a total order, as the export's cursor needs).
export function prospectListOrderBy(filters: ProspectListParams): Prisma.ProspectOrderByWithRelationInput[] {
  return orderByFor(filters.sort, filters.dir);
}

// The prospects list, restricted to the actor's scope. A page past the end is clamped to the
// last page, so a stale bookmark still shows rows.
export async function findProspects(
  actor: Actor,
  filters: ProspectListParams,
  db: Db = defaultDb,
): Promise<ProspectListResult> {
  const where = prospectListWhere(actor, filters);
  const orderBy = prospectListOrderBy(filters);
  const perPage = filters.perPage;

  const fetchPage = (page: number) =>
    db.prospect.findMany({ where, orderBy, skip: (page - 1) * perPage, take: perPage, select: prospectListSelect });

  const [total, rows] = await Promise.all([db.prospect.count({ where }), fetchPage(filters.page)]);
  const lastPage = Math.max(1, Math.ceil(total / perPage));
  if (filters.page > lastPage) {
    return { rows: total === 0 ? [] : await fetchPage(lastPage), total, page: lastPage, perPage };
  }
  return { rows, total, page: filters.page, perPage };
}

// Actions nested in an opportunity belong to the internal sales flow, hidden from partners
// like the opportunities themselves (DESIGN.md §1).
export function visibleActionsWhere(actor: Actor): Prisma.ActionWhereInput {
  // Internal-only types (a campaign's e-mails) are not « visible par l'apporteur ».
  return can(actor.role, "prospect:internal:read") ? {} : { opportunityId: null, type: { visibleToPartner: true } };
}
