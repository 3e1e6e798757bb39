// The French date typed as « jj/mm/aaaa » and the "YYYY-MM-DD" day that forms, zod schemas and
// server actions keep exchanging. Pure and client-safe: the browser's locale is never consulted.

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
// Day, month, year with any usual separator (/, -, . or space), or the eight digits typed in a row.
const FRENCH_DAY = /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{4})$/;
const DIGITS_ONLY = /^(\d{2})(\d{2})(\d{4})$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

function validDay(year: number, month: number, day: number): boolean {
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one (UTC, so no DST edge).
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toIso(year: number, month: number, day: number): string | null {
  return validDay(year, month, day) ? `${pad(year, 4)}-${pad(month)}-${pad(day)}` : null;
}

// "15/01/2026", "15-1-2026", "15012026" or a pasted "2026-01-15" → "2026-01-15"; anything that is
// not a real calendar day → null.
export function parseFrenchDate(text: string): string | null {
  const value = text.trim();
  const iso = ISO_DAY.exec(value);
  if (iso) return toIso(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const fr = FRENCH_DAY.exec(value) ?? DIGITS_ONLY.exec(value);
  if (fr) return toIso(Number(fr[3]), Number(fr[2]), Number(fr[1]));
  return null;
}

// "2026-01-15" → "15/01/2026"; a value that is not a valid day is returned unchanged, so what the
// user typed stays on screen when validation refuses it.
export function formatFrenchDate(value: string | null | undefined): string {
  if (!value) return "";
  const iso = ISO_DAY.exec(value);
  if (!iso || !validDay(Number(iso[1]), Number(iso[2]), Number(iso[3]))) return value;
  return `${iso[3]}/${iso[2]}/${iso[1]}`;
}

// The form value for what is on screen: the ISO day when it is one, "" when empty, otherwise the
// text itself so the schema reports it (an optional date must not silently become empty).
export function frenchDateToFormValue(text: string): string {
  const value = text.trim();
  if (value === "") return "";
  return parseFrenchDate(value) ?? value;
}

// Adds the slashes while digits are typed (« 15 » → « 15/ », « 15/01 » → « 15/01/ »), but only when
// the text grew, so deleting a slash with Backspace is never undone.
export function maskFrenchDateInput(previous: string, next: string): string {
  if (next.length <= previous.length) return next;
  if (/^\d{2}$/.test(next) || /^\d{2}\/\d{2}$/.test(next)) return `${next}/`;
  if (/^\d{3}$/.test(next)) return `${next.slice(0, 2)}/${next.slice(2)}`;
  if (/^\d{2}\/\d{3}$/.test(next)) return `${next.slice(0, 5)}/${next.slice(5)}`;
  return next;
}

// The day before or after (arrow keys), across months and years.
export function shiftIsoDay(iso: string, days: number): string {
  const m = ISO_DAY.exec(iso);
  if (!m) return iso;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days));
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

const TIME = /^(\d{1,2})\s*(?:[:hH.]\s*(\d{2})?)?$/;
const TIME_DIGITS = /^(\d{2})(\d{2})$/;

// « 9:30 », « 09h30 », « 9h », « 0930 » → "09:30"; a time outside 00:00–23:59 → null. Always 24 h.
export function parseTime(text: string): string | null {
  const value = text.trim();
  const m = TIME_DIGITS.exec(value) ?? TIME.exec(value);
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2] ?? 0);
  if (hours > 23 || minutes > 59) return null;
  return `${pad(hours)}:${pad(minutes)}`;
}

// « 09 » → « 09: » while typing, as for dates.
export function maskTimeInput(previous: string, next: string): string {
  if (next.length <= previous.length) return next;
  if (/^\d{2}$/.test(next)) return `${next}:`;
  if (/^\d{3}$/.test(next)) return `${next.slice(0, 2)}:${next.slice(2)}`;
  return next;
}

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2})?$/;

// "2026-12-01T10:00" (the value a datetime-local field used to hold) → its two typed halves.
export function splitLocalDateTime(value: string | null | undefined): { date: string; time: string } {
  if (!value) return { date: "", time: "" };
  const m = LOCAL_DATE_TIME.exec(value);
  if (m) return { date: formatFrenchDate(m[1]), time: m[2] ?? "" };
  return { date: value, time: "" };
}

// The two halves back to "YYYY-MM-DDTHH:MM"; empty when both are; otherwise the raw text, so the
// schema refuses a half-typed value rather than seeing none.
export function dateTimeToFormValue(dateText: string, timeText: string): string {
  const date = dateText.trim();
  const time = timeText.trim();
  if (date === "" && time === "") return "";
  const day = parseFrenchDate(date);
  const hm = parseTime(time);
  return day && hm ? `${day}T${hm}` : `${date}T${time}`;
}
