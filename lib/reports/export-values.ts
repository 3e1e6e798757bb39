// The typed cells an export is made of, shared by the CSV and XLSX writers: a number stays a
// number, an instant is shown in Paris time, a calendar day (`@db.Date`) is read in UTC.
import { utcToParisLocalInput } from "@/lib/dates";

export type CalendarDay = { day: Date };

export type ExportValue = string | number | boolean | Date | CalendarDay | null | undefined;

export type ExportColumn = { header: string; kind: "text" | "number" | "money" | "datetime" | "date" | "boolean" };

export function isCalendarDay(value: unknown): value is CalendarDay {
  return typeof value === "object" && value !== null && !(value instanceof Date) && "day" in value;
}

const pad = (n: number) => String(n).padStart(2, "0");

// "01/07/2026 14:30" (Paris), the form French spreadsheets read as a date and time.
export function formatExportDateTime(instant: Date): string {
  const [date, time] = utcToParisLocalInput(instant).split("T") as [string, string];
  const [y, m, d] = date.split("-");
  return `${d}/${m}/${y} ${time}`;
}

export function formatExportDay(day: Date): string {
  return `${pad(day.getUTCDate())}/${pad(day.getUTCMonth() + 1)}/${day.getUTCFullYear()}`;
}

// XLSX stores wall-clock serial numbers with no zone, and the writer converts from UTC: an
// instant is shifted so that its UTC fields are its Paris wall-clock time.
export function parisWallClock(instant: Date): Date {
  return new Date(`${utcToParisLocalInput(instant)}:00Z`);
}

export function centsToEuros(cents: number | bigint | null | undefined): number | null {
  if (cents === null || cents === undefined) return null;
  return Number(cents) / 100;
}
