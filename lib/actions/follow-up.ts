// Defaults of « Enchaîner une action »: the next step a week after this one, at the same Paris
// wall-clock time (so 10:00 stays 10:00 across a clock change). Pure, client-safe.
import { addDays, parseLocalDateTime, utcToParisLocalInput } from "@/lib/dates";

// "2026-03-25T10:00" → "2026-04-01T10:00".
export function addDaysToLocal(local: string, days: number): string | null {
  if (!parseLocalDateTime(local)) return null;
  return `${addDays(local.slice(0, 10), days)}T${local.slice(11, 16)}`;
}

// One week after the action's time; without one, a week from now on the next full hour.
export function followUpLocalTime(dueAt: Date | null, now: Date = new Date()): string {
  const from = dueAt ?? new Date(Math.ceil(now.getTime() / 3_600_000) * 3_600_000);
  return addDaysToLocal(utcToParisLocalInput(from), 7)!;
}
