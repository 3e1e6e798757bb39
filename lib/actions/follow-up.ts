// Defaults of « Enchaîner une action »: the next step a week after this one, at the same Paris
// wall-clock time (so 10:00 stays 10:00 across a clock change). Pure, client-safe.
import { parseLocalDateTime, utcToParisLocalInput } from "@/lib/dates";

const pad = (n: number) => String(n).padStart(2, "0");

// "2026-03-25T10:00" → "2026-04-01T10:00".
export function addDaysToLocal(local: string, days: number): string | null {
  const wall = parseLocalDateTime(local);
  if (!wall) return null;
  const shifted = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + days, wall.hour, wall.minute));
  return `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}T${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`;
}

// One week after the action's time; without one, a week from now on the next full hour.
export function followUpLocalTime(dueAt: Date | null, now: Date = new Date()): string {
  const from = dueAt ?? new Date(Math.ceil(now.getTime() / 3_600_000) * 3_600_000);
  return addDaysToLocal(utcToParisLocalInput(from), 7)!;
}
