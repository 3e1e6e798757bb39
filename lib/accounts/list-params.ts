// The query strings of the accounts lists, parsed with .catch() defaults so a bad URL never
// crashes a page. Shared by the pages (parsing) and the filter forms (values).
import { z } from "zod";
import { AUTH_EVENT_KINDS } from "@/lib/accounts/labels";
import { isCalendarDay } from "@/lib/dates";

export const ACCOUNTS_PER_PAGE = 25;

const page = z.coerce.number().int().min(1).max(10_000).catch(1);
const text = z.string().trim().max(100).catch("");

export const partnerListParamsSchema = z.object({
  q: text,
  status: z.enum(["active", "inactive", "all"]).catch("active"),
  page,
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
});
export type UserListParams = z.output<typeof userListParamsSchema>;

const day = z.string().refine(isCalendarDay).optional().catch(undefined);

export const authLogParamsSchema = z.object({
  q: text,
  kind: z.enum(["", ...AUTH_EVENT_KINDS] as [string, ...string[]]).catch(""),
  from: day,
  to: day,
  page,
});
export type AuthLogParams = z.output<typeof authLogParamsSchema>;

export function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function parseSearchParams<S extends z.ZodType>(schema: S, raw: Record<string, string | string[] | undefined>): z.output<S> {
  return schema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, firstValue(v)])));
}
