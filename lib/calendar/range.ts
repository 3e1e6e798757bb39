// What a calendar view shows: the Paris days of a month, week or day and the exact UTC
// interval [start, end) they cover. Days are plain "YYYY-MM-DD" strings, counted on the
// proleptic calendar (no time zone); only their bounds are turned into instants, from Paris
// midnight, so a 23-hour or 25-hour day around a clock change has the right length.
// Client-safe (Intl only).
import { addDays, isCalendarDay, parisDayStart, utcToParisLocalInput } from "@/lib/dates";

export const CALENDAR_VIEWS = ["mois", "semaine", "jour"] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

export const CALENDAR_VIEW_LABELS: Record<CalendarView, string> = {
  mois: "Mois",
  semaine: "Semaine",
  jour: "Jour",
};

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export type CalendarRange = {
  view: CalendarView;
  anchor: string;
  // Every day shown, in order: 1 (day), 7 (week) or whole weeks covering the month.
  days: string[];
  start: Date;
  end: Date;
};

function toEpochDay(day: string): number {
  const match = DAY_PATTERN.exec(day);
  if (!match) throw new RangeError(`Jour invalide : ${day}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
}

function fromEpochDay(epochDay: number): string {
  return new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
}

// 0 = Monday … 6 = Sunday (French weeks start on Monday).
export function weekdayIndex(day: string): number {
  return (new Date(toEpochDay(day) * DAY_MS).getUTCDay() + 6) % 7;
}

export function startOfWeek(day: string): string {
  return addDays(day, -weekdayIndex(day));
}

export function startOfMonth(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function endOfMonth(day: string): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return `${day.slice(0, 7)}-${String(daysInMonth(year, month)).padStart(2, "0")}`;
}

// Same day of another month, clamped to its length (31 March − 1 month = 28 February).
export function addMonths(day: string, count: number): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7)) - 1 + count;
  const targetYear = year + Math.floor(month / 12);
  const targetMonth = ((month % 12) + 12) % 12;
  const dayOfMonth = Math.min(Number(day.slice(8, 10)), daysInMonth(targetYear, targetMonth + 1));
  return `${String(targetYear).padStart(4, "0")}-${String(targetMonth + 1).padStart(2, "0")}-${String(dayOfMonth).padStart(2, "0")}`;
}

export function daysBetween(first: string, last: string): string[] {
  const from = toEpochDay(first);
  const to = toEpochDay(last);
  const days: string[] = [];
  for (let d = from; d <= to; d += 1) days.push(fromEpochDay(d));
  return days;
}

// The Paris wall-clock time of an instant, "HH:MM".
export function parisTimeOf(instant: Date): string {
  return utcToParisLocalInput(instant).slice(11, 16);
}

export function calendarRange(view: CalendarView, anchor: string): CalendarRange {
  if (!isCalendarDay(anchor)) throw new RangeError(`Jour invalide : ${anchor}`);
  let first: string;
  let last: string;
  if (view === "jour") {
    first = anchor;
    last = anchor;
  } else if (view === "semaine") {
    first = startOfWeek(anchor);
    last = addDays(first, 6);
  } else {
    first = startOfWeek(startOfMonth(anchor));
    last = addDays(startOfWeek(endOfMonth(anchor)), 6);
  }
  return {
    view,
    anchor,
    days: daysBetween(first, last),
    start: parisDayStart(first),
    end: parisDayStart(addDays(last, 1)),
  };
}

// The anchor of « Précédent » (-1) and « Suivant » (+1).
export function shiftAnchor(view: CalendarView, anchor: string, direction: -1 | 1): string {
  if (view === "jour") return addDays(anchor, direction);
  if (view === "semaine") return addDays(anchor, 7 * direction);
  return addMonths(anchor, direction);
}
