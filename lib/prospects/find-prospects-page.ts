import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { db as defaultDb } from "@/lib/db";
import { keysetPage, keysetQuery, type KeysetPage, type KeysetRequest, type KeysetSort } from "@/lib/pagination/keyset";
import { ProspectStage, ProspectStatus } from "@/lib/generated/prisma/enums";
import type { DbClient as Db } from "@/lib/prisma-client";
import { findProspects, prospectListSelect, prospectListWhere, type ProspectListRow } from "@/lib/prospects/queries";
import type { ProspectListParams, ProspectSortKey } from "@/lib/prospects/schemas";

// Past this many matches the list says « plus de 1 000 » instead of counting every row.
export const PROSPECT_COUNT_LIMIT = 1000;

// Sorts on a column of the prospect itself page by keyset; the partner's name (a join) cannot,
// so that sort keeps numbered pages.
const KEYSET_SORTS: Partial<Record<ProspectSortKey, { field: keyof ProspectListRow; nullable: boolean; enumValues?: readonly string[] }>> = {
  name: { field: "name", nullable: false },
  siren: { field: "siren", nullable: true },
  city: { field: "city", nullable: true },
  status: { field: "status", nullable: false, enumValues: Object.values(ProspectStatus) },
  stage: { field: "stage", nullable: false, enumValues: Object.values(ProspectStage) },
  createdAt: { field: "createdAt", nullable: false },
};

// The keyset order of a list sort, or null for the partner's name (a join).
export function prospectKeysetSort(filters: ProspectListParams): KeysetSort | null {
  const column = KEYSET_SORTS[filters.sort];
  return column ? { field: column.field, dir: filters.dir, nullable: column.nullable, enumValues: column.enumValues } : null;
}

export type ProspectPage =
  | ({ mode: "keyset"; total: number; totalIsLowerBound: boolean; perPage: number } & KeysetPage<ProspectListRow>)
  | { mode: "offset"; rows: ProspectListRow[]; total: number; totalIsLowerBound: false; page: number; perPage: number };

// The prospects list page as the list screen shows it: perPage rows around a cursor, found from
// an index whatever the position, and a count that stops at PROSPECT_COUNT_LIMIT.
export async function findProspectsPage(
  actor: Actor,
  filters: ProspectListParams,
  request: KeysetRequest,
  db: Db = defaultDb,
): Promise<ProspectPage> {
  const sort = prospectKeysetSort(filters);
  if (!sort) {
    const result = await findProspects(actor, filters, db);
    return { mode: "offset", ...result, totalIsLowerBound: false };
  }
  const base = prospectListWhere(actor, filters);
  const perPage = filters.perPage;

  const fetch = (req: KeysetRequest) => {
    const q = keysetQuery(sort, req);
    return db.prospect.findMany({
      where: { AND: [base, q.where as Prisma.ProspectWhereInput] },
      orderBy: q.orderBy as Prisma.ProspectOrderByWithRelationInput[],
      take: perPage + 1,
      select: prospectListSelect,
    });
  };

  const [counted, fetched] = await Promise.all([db.prospect.count({ where: base, take: PROSPECT_COUNT_LIMIT + 1 }), fetch(request)]);
  let effective = request;
  let rows = fetched;
  // Going back to the start from a few rows in gives a short page: show the full first page.
  if (request.kind === "before" && fetched.length < perPage) {
    effective = { kind: "first" };
    rows = await fetch(effective);
  }
  const page = keysetPage(rows, perPage, effective, (row) => row[sort.field as keyof ProspectListRow] as Date | string | null);
  return {
    mode: "keyset",
    ...page,
    total: Math.min(counted, PROSPECT_COUNT_LIMIT),
    totalIsLowerBound: counted > PROSPECT_COUNT_LIMIT,
    perPage,
  };
}
