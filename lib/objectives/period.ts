// The periods of the objectives widget and the week of « Actions de la semaine », in Paris
// time whatever the server's zone. Client-safe (Intl only): the UI shows the same bounds.
import { parisDayOf, parisDayStart } from "@/lib/dates";

export const OBJECTIVE_PERIODS = ["mois", "trimestre", "annee"] as const;
export type ObjectivePeriod = (typeof OBJECTIVE_PERIODS)[number];

export const OBJECTIVE_PERIOD_LABELS: Record<ObjectivePeriod, string> = {
  mois: "Ce mois-ci",
  trimestre: "Ce trimestre",
  annee: "Cette année",
};

const DAY_MS = 86_400_000;

export type PeriodBounds = {
  // Instants: Paris midnight of the first day, and of the day after the last (exclusive).
  start: Date;
  end: Date;
  // The same days as calendar days (UTC midnight), for `@db.Date` columns.
  startDay: Date;
  endDay: Date;
  // First day of each month of the period (UTC midnight): the SalesTarget rows it adds up.
  months: Date[];
  label: string;
};

type ParisDay = { year: number; month: number; day: number };

export function parisDay(now: Date): ParisDay {
  const [year, month, day] = parisDayOf(now).split("-").map(Number) as [number, number, number];
  return { year, month, day };
}

// Today in Paris as a calendar day (UTC midnight), comparable with `@db.Date` values.
export function parisToday(now: Date): Date {
  const { year, month, day } = parisDay(now);
  return new Date(Date.UTC(year, month - 1, day));
}

const pad = (n: number) => String(n).padStart(2, "0");
const isoDay = (day: Date) => day.toISOString().slice(0, 10);

// Paris midnight at the start of a calendar day: 23:00 or 22:00 UTC the day before.
function parisMidnight(day: Date): Date {
  return parisDayStart(isoDay(day));
}

const MONTH_NAMES = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];

export function periodBounds(period: ObjectivePeriod, now: Date): PeriodBounds {
  const { year, month } = parisDay(now);
  const firstMonth = period === "mois" ? month : period === "trimestre" ? Math.floor((month - 1) / 3) * 3 + 1 : 1;
  const monthCount = period === "mois" ? 1 : period === "trimestre" ? 3 : 12;
  const months = Array.from({ length: monthCount }, (_, i) => new Date(Date.UTC(year, firstMonth - 1 + i, 1)));
  const startDay = months[0]!;
  const endDay = new Date(Date.UTC(year, firstMonth - 1 + monthCount, 1));
  const label =
    period === "mois"
      ? `${MONTH_NAMES[month - 1]} ${year}`
      : period === "trimestre"
        ? `T${(firstMonth - 1) / 3 + 1} ${year}`
        : String(year);
  return { start: parisMidnight(startDay), end: parisMidnight(endDay), startDay, endDay, months, label };
}

export type WeekBounds = { start: Date; end: Date; firstDay: Date; lastDay: Date };

// Monday 00:00 to the next Monday 00:00, Paris time: 167 or 169 hours on a clock-change week.
export function weekBounds(now: Date): WeekBounds {
  const today = parisToday(now);
  const sinceMonday = (today.getUTCDay() + 6) % 7;
  const monday = new Date(today.getTime() - sinceMonday * DAY_MS);
  const nextMonday = new Date(monday.getTime() + 7 * DAY_MS);
  return {
    start: parisMidnight(monday),
    end: parisMidnight(nextMonday),
    firstDay: monday,
    lastDay: new Date(nextMonday.getTime() - DAY_MS),
  };
}

// "2026-11" for an `<input type="month">`.
export function monthInputValue(now: Date): string {
  const { year, month } = parisDay(now);
  return `${year}-${pad(month)}`;
}
