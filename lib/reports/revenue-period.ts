// The months a revenue report spans, as Paris calendar months. Client-safe.
import { parisDayOf, utcToParisLocalInput } from "@/lib/dates";
import type { ReportFilters } from "@/lib/reports/filters";

// Beyond two years a month-per-column table stops being readable.
export const REVENUE_MAX_MONTHS = 24;
export const REVENUE_DEFAULT_MONTHS = 12;

const pad = (n: number) => String(n).padStart(2, "0");

// "2026-07" for an instant, in Paris: 30 June 23:30 UTC is already July in Paris.
export function parisMonthKey(instant: Date): string {
  return utcToParisLocalInput(instant).slice(0, 7);
}

function shiftMonth(key: string, delta: number): string {
  const [y, m] = key.split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
}

function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  for (let key = first; key <= last; key = shiftMonth(key, 1)) months.push(key);
  return months;
}

function lastDayOfMonth(key: string): string {
  const [y, m] = key.split("-").map(Number) as [number, number];
  return `${key}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
}

export type RevenuePeriod = { from: string; to: string; months: string[]; truncated: boolean };

// Without a period: the last twelve months, the current one included. « du » alone runs to
// today; « au » alone goes back twelve months. Longer than two years keeps the latest two.
export function revenuePeriod(filters: Pick<ReportFilters, "from" | "to">, now: Date = new Date()): RevenuePeriod {
  const today = parisDayOf(now);
  let to = filters.to || (filters.from && filters.from > today ? lastDayOfMonth(filters.from.slice(0, 7)) : today);
  let from = filters.from || `${shiftMonth(to.slice(0, 7), -(REVENUE_DEFAULT_MONTHS - 1))}-01`;
  if (from > to) [from, to] = [to, from];
  let months = monthsBetween(from.slice(0, 7), to.slice(0, 7));
  let truncated = false;
  if (months.length > REVENUE_MAX_MONTHS) {
    months = months.slice(-REVENUE_MAX_MONTHS);
    from = `${months[0]}-01`;
    truncated = true;
  }
  return { from, to, months, truncated };
}

const monthFormatter = new Intl.DateTimeFormat("fr-FR", { timeZone: "UTC", month: "short", year: "numeric" });
const longMonthFormatter = new Intl.DateTimeFormat("fr-FR", { timeZone: "UTC", month: "long", year: "numeric" });

// "2026-07" → "juil. 2026" (column headers) or "juillet 2026" (text alternatives).
export function formatMonthKey(key: string, style: "short" | "long" = "short"): string {
  const [y, m] = key.split("-").map(Number) as [number, number];
  return (style === "long" ? longMonthFormatter : monthFormatter).format(new Date(Date.UTC(y, m - 1, 1)));
}
