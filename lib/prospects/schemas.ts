// The prospects list's URL state. Every field has a `.catch()` default, so a hand-edited or
// stale query string degrades to the default list instead of an error page.
import { z } from "zod";
import { ProspectStage, ProspectStatus } from "@/lib/generated/prisma/enums";

export const PROSPECT_PER_PAGE_OPTIONS = [10, 25, 50, 100] as const;
export const PROSPECT_DEFAULT_PER_PAGE = 25;

// Column ids the server knows how to sort on; anything else falls back to the default.
export const PROSPECT_SORT_KEYS = ["name", "siren", "city", "status", "stage", "partner", "createdAt"] as const;
export type ProspectSortKey = (typeof PROSPECT_SORT_KEYS)[number];

export const PROSPECT_QUERY_MAX_LENGTH = 100;
// Beyond this a page number is a typo or a probe; capping it keeps OFFSET bounded.
const MAX_PAGE = 100_000;

// Next passes repeated keys (`?page=1&page=2`) as arrays: the first value wins.
function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

const statusValues = Object.values(ProspectStatus) as [ProspectStatus, ...ProspectStatus[]];
const stageValues = Object.values(ProspectStage) as [ProspectStage, ...ProspectStage[]];

// Reference ids in the URL: anything that is not id-shaped is dropped rather than sent to the database.
const idFilter = z.preprocess(first, z.string().regex(/^[A-Za-z0-9_-]{1,40}$/).or(z.literal(""))).catch("");

// « Mes prospects »: the actor's own files (ownerId = actor).
export const PROSPECT_VIEWS = ["mine"] as const;

export const prospectListParamsSchema = z
  .object({
    page: z.preprocess(first, z.coerce.number().int().min(1).max(MAX_PAGE)).catch(1),
    perPage: z
      .preprocess(
        first,
        z.coerce
          .number()
          .int()
          .refine((n) => (PROSPECT_PER_PAGE_OPTIONS as readonly number[]).includes(n)),
      )
      .catch(PROSPECT_DEFAULT_PER_PAGE),
    sort: z.preprocess(first, z.enum(PROSPECT_SORT_KEYS)).catch("createdAt"),
    dir: z.preprocess(first, z.enum(["asc", "desc"]).optional()).catch(undefined),
    q: z
      .preprocess(first, z.string())
      .transform((s) => s.trim().slice(0, PROSPECT_QUERY_MAX_LENGTH).trim())
      .catch(""),
    status: z.preprocess(first, z.enum(statusValues).or(z.literal(""))).catch(""),
    // Internal filters: findProspects ignores them for partners.
    stage: z.preprocess(first, z.enum(stageValues).or(z.literal(""))).catch(""),
    type: idFilter,
    owner: idFilter,
    origin: idFilter,
    partner: idFilter,
    view: z.preprocess(first, z.enum(PROSPECT_VIEWS).or(z.literal(""))).catch(""),
  })
  // Newest first is what one expects of a creation date; A→Z of everything else.
  .transform(({ dir, ...rest }) => ({
    ...rest,
    dir: dir ?? (rest.sort === "createdAt" ? "desc" : "asc"),
  }))
  .catch({
    page: 1,
    perPage: PROSPECT_DEFAULT_PER_PAGE,
    sort: "createdAt",
    dir: "desc",
    q: "",
    status: "",
    stage: "",
    type: "",
    owner: "",
    origin: "",
    partner: "",
    view: "",
  });

export type ProspectListParams = {
  page: number;
  perPage: number;
  sort: ProspectSortKey;
  dir: "asc" | "desc";
  q: string;
  status: ProspectStatus | "";
  stage: ProspectStage | "";
  type: string;
  owner: string;
  origin: string;
  partner: string;
  view: (typeof PROSPECT_VIEWS)[number] | "";
};

export const PROSPECT_INTERNAL_FILTER_KEYS = ["stage", "type", "owner", "origin", "partner", "view"] as const;

export function parseProspectListParams(searchParams: unknown): ProspectListParams {
  return prospectListParamsSchema.parse(searchParams ?? {});
}

// The canonical query string of a list state, defaults left out so URLs stay short.
export function prospectListQuery(params: ProspectListParams): Record<string, string> {
  const defaultDir = params.sort === "createdAt" ? "desc" : "asc";
  const query: Record<string, string> = {};
  if (params.q) query.q = params.q;
  if (params.status) query.status = params.status;
  for (const key of PROSPECT_INTERNAL_FILTER_KEYS) if (params[key]) query[key] = params[key];
  if (params.sort !== "createdAt") query.sort = params.sort;
  if (params.dir !== defaultDir) query.dir = params.dir;
  if (params.perPage !== PROSPECT_DEFAULT_PER_PAGE) query.perPage = String(params.perPage);
  if (params.page !== 1) query.page = String(params.page);
  return query;
}
