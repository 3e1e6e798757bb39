// The « Filtres » of the reports, in the URL: period (Paris days), rep, partner, origin and
// prospect type. Every field has a `.catch()` default, so a hand-edited query string degrades
// to the unfiltered report instead of an error page. Client-safe (no server-only import).
import { z } from "zod";
import { addDays, isCalendarDay, parisDayStart } from "@/lib/dates";

export const REPORT_PER_PAGE_OPTIONS = [25, 50, 100] as const;
export const REPORT_DEFAULT_PER_PAGE = 25;
const MAX_PAGE = 100_000;

export const REPORT_FILTER_KEYS = ["from", "to", "owner", "partner", "origin", "type"] as const;
export type ReportFilterKey = (typeof REPORT_FILTER_KEYS)[number];

// Next passes repeated keys (`?from=a&from=b`) as arrays: the first value wins.
function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

// A real calendar day between 2000 and 2100 as typed in an <input type="date">, or null.
export function parseIsoDay(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const day = value.trim();
  return isCalendarDay(day) && day >= "2000-01-01" && day <= "2100-12-31" ? day : null;
}

const dayFilter = z.preprocess(first, z.unknown()).transform((v) => parseIsoDay(v) ?? "");

// Reference ids: anything not id-shaped is dropped rather than sent to the database.
export const idFilter = z.preprocess(first, z.string().regex(/^[A-Za-z0-9_-]{1,40}$/).or(z.literal(""))).catch("");

export const reportFilterFields = {
  from: dayFilter,
  to: dayFilter,
  owner: idFilter,
  partner: idFilter,
  origin: idFilter,
  type: idFilter,
};

export type ReportFilters = Record<ReportFilterKey, string>;

export type ReportParams = ReportFilters & { page: number; perPage: number };

const EMPTY_FILTERS: ReportFilters = { from: "", to: "", owner: "", partner: "", origin: "", type: "" };

const reportParamsSchema = z
  .object({
    ...reportFilterFields,
    page: z.preprocess(first, z.coerce.number().int().min(1).max(MAX_PAGE)).catch(1),
    perPage: z
      .preprocess(
        first,
        z.coerce
          .number()
          .int()
          .refine((n) => (REPORT_PER_PAGE_OPTIONS as readonly number[]).includes(n)),
      )
      .catch(REPORT_DEFAULT_PER_PAGE),
  })
  .catch({ ...EMPTY_FILTERS, page: 1, perPage: REPORT_DEFAULT_PER_PAGE });

// A period typed backwards (« du » after « au ») is read the right way round.
export function orderPeriod<T extends { from: string; to: string }>(filters: T): T {
  return filters.from && filters.to && filters.from > filters.to ? { ...filters, from: filters.to, to: filters.from } : filters;
}

export function parseReportParams(searchParams: unknown): ReportParams {
  return orderPeriod(reportParamsSchema.parse(searchParams ?? {}));
}

export function pickReportFilters(params: ReportFilters): ReportFilters {
  return Object.fromEntries(REPORT_FILTER_KEYS.map((key) => [key, params[key]])) as ReportFilters;
}

// The canonical query string of the filters (and paging), defaults left out.
export function reportQuery(params: ReportFilters & Partial<Pick<ReportParams, "page" | "perPage">>): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of REPORT_FILTER_KEYS) if (params[key]) query[key] = params[key];
  if (params.perPage && params.perPage !== REPORT_DEFAULT_PER_PAGE) query.perPage = String(params.perPage);
  if (params.page && params.page !== 1) query.page = String(params.page);
  return query;
}

export function hasReportFilters(filters: ReportFilters): boolean {
  return REPORT_FILTER_KEYS.some((key) => Boolean(filters[key]));
}


export type InstantRange = { gte?: Date; lt?: Date };

// « du » and « au » are whole Paris days: from the start of « du » to the end of « au ».
export function periodRange(filters: Pick<ReportFilters, "from" | "to">): InstantRange {
  const range: InstantRange = {};
  if (isCalendarDay(filters.from)) range.gte = parisDayStart(filters.from);
  if (isCalendarDay(filters.to)) range.lt = parisDayStart(addDays(filters.to, 1));
  return range;
}
