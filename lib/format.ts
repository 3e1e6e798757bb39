// Display formatting shared by server and client components: one place decides how money,
// times and identifiers look, always in French and in Paris time whatever the server's zone.

const PARIS = "Europe/Paris";

const euroFormatter = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });

const dateFormatter = new Intl.DateTimeFormat("fr-FR", {
  timeZone: PARIS,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});

const dateTimeFormatter = new Intl.DateTimeFormat("fr-FR", {
  timeZone: PARIS,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

// `@db.Date` columns hold a calendar day at UTC midnight: shifting it to Paris would be harmless
// today but wrong for any zone west of UTC, so calendar days are read in UTC.
const calendarDayFormatter = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "UTC",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});

export function formatEuros(cents: number | bigint): string {
  return euroFormatter.format(Number(cents) / 100);
}

export function formatDate(value: Date | string): string {
  return dateFormatter.format(new Date(value));
}

export function formatDateTime(value: Date | string): string {
  return dateTimeFormatter.format(new Date(value));
}

export function formatCalendarDay(value: Date | string): string {
  return calendarDayFormatter.format(new Date(value));
}

// "123456789" → "123 456 789"; anything that is not nine digits is shown as stored.
export function formatSiren(siren: string | null | undefined): string {
  if (!siren) return "";
  const digits = siren.replace(/\s+/g, "");
  return /^\d{9}$/.test(digits) ? digits.replace(/^(\d{3})(\d{3})(\d{3})$/, "$1 $2 $3") : siren;
}

// "12345678900012" → "123 456 789 00012".
export function formatSiret(siret: string | null | undefined): string {
  if (!siret) return "";
  const digits = siret.replace(/\s+/g, "");
  return /^\d{14}$/.test(digits) ? digits.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, "$1 $2 $3 $4") : siret;
}

const regionNames = new Intl.DisplayNames(["fr"], { type: "region" });

// "FR" → "France"; unknown codes are shown as stored.
export function formatCountry(code: string | null | undefined): string {
  if (!code) return "";
  try {
    return regionNames.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}
