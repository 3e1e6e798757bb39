import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { prospectScope } from "@/lib/auth/scope";
import { db as defaultDb } from "@/lib/db";
import type { DbClient as Db } from "@/lib/prisma-client";
import type { ProspectListParams, ProspectSortKey } from "@/lib/prospects/schemas";

const listSelect = {
  id: true,
  name: true,
  siren: true,
  city: true,
  status: true,
  stage: true,
  createdAt: true,
  partner: { select: { id: true, name: true } },
} satisfies Prisma.ProspectSelect;

export type ProspectListRow = Prisma.ProspectGetPayload<{ select: typeof listSelect }>;

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
  if (!q) return {};
  const or: Prisma.ProspectWhereInput[] = [
    { name: { contains: q, mode: "insensitive" } },
    { city: { contains: q, mode: "insensitive" } },
    { siren: { contains: q } },
  ];
  // People type SIRENs as printed ("123 456 789"); the column holds bare digits.
  const digits = q.replace(/\s+/g, "");
  if (digits !== q && /^\d+$/.test(digits)) or.push({ siren: { contains: digits } });
  return { OR: or };
}

// The prospects list, restricted to the actor's scope. A page past the end is clamped to the
// last page, so a stale bookmark still shows rows.
export async function findProspects(
  actor: Actor,
  filters: ProspectListParams,
  db: Db = defaultDb,
): Promise<ProspectListResult> {
  const where: Prisma.ProspectWhereInput = {
    AND: [prospectScope(actor), searchWhere(filters.q), filters.status ? { status: filters.status } : {}],
  };
  const orderBy = orderByFor(filters.sort, filters.dir);
  const perPage = filters.perPage;

  const fetchPage = (page: number) =>
    db.prospect.findMany({ where, orderBy, skip: (page - 1) * perPage, take: perPage, select: listSelect });

  const [total, rows] = await Promise.all([db.prospect.count({ where }), fetchPage(filters.page)]);
  const lastPage = Math.max(1, Math.ceil(total / perPage));
  if (filters.page > lastPage) {
    return { rows: total === 0 ? [] : await fetchPage(lastPage), total, page: lastPage, perPage };
  }
  return { rows, total, page: filters.page, perPage };
}

function detailSelect(withInternal: boolean) {
  return {
    id: true,
    kind: true,
    name: true,
    legalName: true,
    siren: true,
    siret: true,
    vatNumber: true,
    website: true,
    nafCode: true,
    headcountBand: true,
    legalForm: true,
    street: true,
    postalCode: true,
    city: true,
    country: true,
    status: true,
    stage: true,
    readyAt: true,
    revenueCurrentYearCents: true,
    revenueForecastCents: true,
    comment: true,
    recommendationActivity: true,
    recommendationNeeds: true,
    recommendationInvoices: true,
    internalNotes: withInternal,
    createdAt: true,
    updatedAt: true,
    partner: { select: { id: true, name: true } },
    owner: { select: { id: true, name: true } },
    type: { select: { name: true } },
    origin: { select: { name: true } },
    contacts: {
      orderBy: [{ isFavorite: "desc" }, { lastName: "asc" }, { firstName: "asc" }],
      select: {
        id: true,
        civility: true,
        firstName: true,
        lastName: true,
        jobTitle: true,
        mobilePhone: true,
        landlinePhone: true,
        email: true,
        isFavorite: true,
      },
    },
  } satisfies Prisma.ProspectSelect;
}

const actionSelect = {
  id: true,
  subject: true,
  dueAt: true,
  done: true,
  doneAt: true,
  type: { select: { name: true, color: true } },
  assignee: { select: { id: true, name: true } },
} satisfies Prisma.ActionSelect;

export type ProspectActionRow = Prisma.ActionGetPayload<{ select: typeof actionSelect }>;

type DetailRow = Prisma.ProspectGetPayload<{ select: ReturnType<typeof detailSelect> }>;

export type ProspectDetail = Omit<DetailRow, "internalNotes"> & {
  // Absent (undefined) for actors who may not read internal notes: never loaded for them.
  internalNotes?: string | null;
  actions: ProspectActionRow[];
};

// Actions nested in an opportunity belong to the internal sales flow, hidden from partners
// like the opportunities themselves (DESIGN.md §1).
export function visibleActionsWhere(actor: Actor): Prisma.ActionWhereInput {
  return can(actor.role, "prospect:internal:read") ? {} : { opportunityId: null };
}

// One prospect with its contacts and actions, or null when it does not exist or lies outside
// the actor's scope: callers answer both with notFound(), so existence never leaks.
export async function getProspectForActor(
  actor: Actor,
  id: string,
  db: Db = defaultDb,
): Promise<ProspectDetail | null> {
  const withInternal = can(actor.role, "prospect:internal:read");
  const prospect = await db.prospect.findFirst({
    where: { AND: [{ id }, prospectScope(actor)] },
    select: detailSelect(withInternal),
  });
  if (!prospect) return null;

  const actions = await db.action.findMany({
    where: { AND: [{ prospectId: prospect.id, prospect: prospectScope(actor) }, visibleActionsWhere(actor)] },
    orderBy: [{ done: "asc" }, { dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "desc" }],
    select: actionSelect,
  });

  const { internalNotes, ...rest } = prospect;
  return withInternal ? { ...rest, internalNotes: internalNotes ?? null, actions } : { ...rest, actions };
}
