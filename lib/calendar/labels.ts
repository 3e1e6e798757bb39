// French wording of the calendar: day names, period titles, accessible names of slots and
// appointments. Client-safe: days are "YYYY-MM-DD" read at UTC midnight (a calendar day, not an
// instant), times are Paris wall clock.
import type { CalendarRange } from "@/lib/calendar/range";

const longDay = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "UTC",
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
});
const dayMonth = new Intl.DateTimeFormat("fr-FR", { timeZone: "UTC", day: "numeric", month: "long" });
const monthYear = new Intl.DateTimeFormat("fr-FR", { timeZone: "UTC", month: "long", year: "numeric" });
const shortWeekday = new Intl.DateTimeFormat("fr-FR", { timeZone: "UTC", weekday: "short" });

function dayDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

// "lundi 23 novembre 2026"
export function formatLongDay(day: string): string {
  return longDay.format(dayDate(day));
}

// "lun."
export function formatShortWeekday(day: string): string {
  return shortWeekday.format(dayDate(day));
}

export const WEEKDAY_NAMES = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"] as const;

// "7:00" for the hour rows, like the brief's « 7:00–21:00 ».
export function formatHour(hour: number): string {
  return `${hour}:00`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// The heading above the grid: « Novembre 2026 », « Semaine du 23 au 29 novembre 2026 »,
// « Lundi 23 novembre 2026 ».
export function formatPeriodTitle(range: Pick<CalendarRange, "view" | "anchor" | "days">): string {
  if (range.view === "mois") return capitalise(monthYear.format(dayDate(range.anchor)));
  if (range.view === "jour") return capitalise(formatLongDay(range.anchor));
  const first = range.days[0]!;
  const last = range.days[range.days.length - 1]!;
  const sameMonth = first.slice(0, 7) === last.slice(0, 7);
  const sameYear = first.slice(0, 4) === last.slice(0, 4);
  const from = sameMonth
    ? String(Number(first.slice(8, 10)))
    : sameYear
      ? dayMonth.format(dayDate(first))
      : `${dayMonth.format(dayDate(first))} ${first.slice(0, 4)}`;
  return `Semaine du ${from} au ${dayMonth.format(dayDate(last))} ${last.slice(0, 4)}`;
}

// « Nouveau rendez-vous le lundi 23 novembre 2026 à 10:00 »
export function slotLabel(day: string, time: string): string {
  return `Nouveau rendez-vous le ${formatLongDay(day)} à ${time}`;
}

export function moreLabel(count: number): string {
  return count === 1 ? "+1 autre" : `+${count} autres`;
}
