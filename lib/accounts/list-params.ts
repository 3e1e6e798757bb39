// The query strings of the accounts lists, parsed with .catch() defaults so a bad URL never
// crashes a page. Shared by the pages (parsing) and the filter forms (values).
import { z } from "zod";
import { AUTH_EVENT_KINDS } from "@/lib/accounts/labels";
import { isCalendarDay } from "@/lib/dates";

export const ACCOUNTS_PER_PAGE = 25;
export const ACCOUNTS_PER_PAGE_OPTIONS = [25, 50, 100] as const;

const page = z.coerce.number().int().min(1).max(10_000).catch(1);
const perPage = z.coerce
  .number()
  .refine((n) => (ACCOUNTS_PER_PAGE_OPTIONS as readonly number[]).includes(n))
  .catch(ACCOUNTS_PER_PAGE);
const dir = (fallback: "asc" | "desc") => z.enum(["asc", "desc"]).catch(fallback);
const text = z.string().trim().max(100).catch("");

export const partnerListParamsSchema = z.object({
  q: text,
  status: z.enum(["active", "inactive", "all"]).catch("active"),
  page,
  perPage,
  sort: z.enum(["name", "city"]).catch("name"),
  dir: dir("asc"),
});
export type PartnerListParams = z.output<typeof partnerListParamsSchema>;

export const userListParamsSchema = z.object({
  q: text,
  role: z.enum(["", "PARTNER", "SALES", "MANAGER", "ADMIN"]).catch(""),
  partnerId: z.string().trim().max(40).catch(""),
  status: z.enum(["active", "inactive", "invited", "all"]).catch("all"),
  // Last sign-in: within 30 days, older, never.
  lastSignIn: z.enum(["", "recent", "old", "never"]).catch(""),
  page,
  perPage,
  sort: z.enum(["name", "email", "lastLoginAt"]).catch("name"),
  dir: dir("asc"),
});
export type UserListParams = z.output<typeof userListParamsSchema>;

const day = z.string().refine(isCalendarDay).optional().catch(undefined);

export const authLogParamsSchema = z.object({
  q: text,
  kind: z.enum(["", ...AUTH_EVENT_KINDS] as [string, ...string[]]).catch(""),
  from: day,
  to: day,
  page,
  perPage,
  sort: z.enum(["createdAt"]).catch("createdAt"),
  dir: dir("desc"),
});
export type AuthLogParams = z.output<typeof authLogParamsSchema>;

// The sort and page size as they go in links: defaults left out, so URLs stay short.
export function listState(params: { sort: string; dir: string; perPage: number }, defaultSort: string, defaultDir: "asc" | "desc"): Record<string, string> {
  const isDefault = params.sort === defaultSort && params.dir === defaultDir;
  return listQuery({
    sort: isDefault ? "" : params.sort,
    dir: isDefault ? "" : params.dir,
    perPage: params.perPage === ACCOUNTS_PER_PAGE ? "" : String(params.perPage),
  });
}

// A list's query string without its empty values, so links never carry `?q=&role=`.
export function listQuery(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => Boolean(entry[1])));
}

export function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function parseSearchParams<S extends z.ZodType>(schema: S, raw: Record<string, string | string[] | undefined>): z.output<S> {
  return schema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, firstValue(v)])));
}
