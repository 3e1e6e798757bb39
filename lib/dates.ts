// Wall-clock times typed in Paris and the UTC instants stored for them. A <input
// type="datetime-local"> gives "2026-03-29T02:30" with no zone: the app is French, so that
// is Paris time, whatever zone the browser or the server runs in. Client-safe (Intl only).

export const PARIS_TIME_ZONE = "Europe/Paris";

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

const partsFormatter = new Intl.DateTimeFormat("en-GB", {
  timeZone: PARIS_TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function wallClockInParis(instant: number): WallClock {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter.formatToParts(new Date(instant))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

// Paris's offset from UTC at an instant, in milliseconds (+1 h in winter, +2 h in summer).
function parisOffsetAt(instant: number): number {
  const w = wallClockInParis(instant);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

export function parseLocalDateTime(value: string): WallClock | null {
  const match = LOCAL_DATE_TIME.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((n) => Number(n ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const probe = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC rolls 31/02 over to 03/03: a round trip catches impossible dates.
  if (
    probe.getUTCFullYear() !== year ||
    probe.getUTCMonth() !== month - 1 ||
    probe.getUTCDate() !== day ||
    probe.getUTCHours() !== hour ||
    probe.getUTCMinutes() !== minute
  ) {
    return null;
  }
  return { year, month, day, hour, minute, second };
}

// "2026-07-01T14:30" in Paris → 2026-07-01T12:30:00Z. Across the clock changes it does what
// calendars do: a time skipped in March (02:30) moves forward by the gap (03:30 summer time);
// a time that happens twice in October (02:30) is the first one (summer time). Null when the
// text is not a valid date and time.
export function parisLocalToUtc(value: string): Date | null {
  const wall = parseLocalDateTime(value);
  if (!wall) return null;
  const naive = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  // The offsets in force a day either side: equal except around a clock change.
  const before = parisOffsetAt(naive - 86_400_000);
  const after = parisOffsetAt(naive + 86_400_000);
  const candidates = [...new Set([before, after])]
    .map((offset) => naive - offset)
    .filter((instant) => naive - parisOffsetAt(instant) === instant)
    .sort((a, b) => a - b);
  // None: the wall time falls in the spring gap; reading it with the earlier offset moves it
  // forward by the gap's length.
  return new Date(candidates[0] ?? naive - before);
}

const pad = (n: number) => String(n).padStart(2, "0");

// The value a datetime-local input shows for an instant: its Paris wall-clock time.
export function utcToParisLocalInput(instant: Date): string {
  const w = wallClockInParis(instant.getTime());
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

// Calendar days: plain "YYYY-MM-DD" strings, counted without any time zone.
const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

// "2026-02-30" and "2026-13-01" are not days.
export function isCalendarDay(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const match = CALENDAR_DAY.exec(value);
  if (!match) return false;
  const [y, m, d] = match.slice(1).map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10) === value;
}

export function addDays(day: string, count: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + count)).toISOString().slice(0, 10);
}

// The Paris day an instant falls on: 31 December 23:30 UTC is already 1 January in Paris.
export function parisDayOf(instant: Date): string {
  return utcToParisLocalInput(instant).slice(0, 10);
}

// Paris midnight at the start of a day. Clocks change at 02:00/03:00, never at midnight, so
// midnight always exists and is unique.
export function parisDayStart(day: string): Date {
  const instant = isCalendarDay(day) ? parisLocalToUtc(`${day}T00:00`) : null;
  if (!instant) throw new RangeError(`Jour invalide : ${day}`);
  return instant;
}
