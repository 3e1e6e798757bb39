// Phone numbers as people type them in France ("01 23 45 67 89", "0123456789",
// "+33 1 23 45 67 89", "0033 1 23…"), stored in E.164 (+33123456789). Shared by the form and
// the server, so both accept and reject the same numbers.
import { parsePhoneNumberFromString } from "libphonenumber-js";

export const PHONE_MESSAGES = {
  invalid: "Numéro de téléphone invalide : saisissez par exemple 01 23 45 67 89 ou +33 1 23 45 67 89.",
  required: "Le numéro de téléphone fixe est obligatoire.",
} as const;

// Digits, spaces, dots, dashes, slashes, brackets and a leading + only: no letters hiding in
// a number the parser would otherwise quietly trim.
const ALLOWED = /^\+?[\d\s.\-/()\u00a0\u202f]+$/;

// The E.164 form of a phone number, or null when it is not a valid number. Numbers without a
// country prefix are read as French.
export function normalizePhone(value: string): string | null {
  const input = value.trim();
  if (!input || !ALLOWED.test(input)) return null;
  const parsed = parsePhoneNumberFromString(input, "FR");
  if (!parsed || !parsed.isValid()) return null;
  return parsed.number;
}

// "+33123456789" → "01 23 45 67 89"; other countries in their international format.
export function formatPhoneForDisplay(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.country === "FR" ? parsed.formatNational() : parsed.formatInternational();
}

// A phone field's text once the user leaves it: a valid number in its display form ("0142000000"
// → "01 42 00 00 00"), anything else as typed, for its error message.
export function normalizePhoneInput(value: string): string {
  const e164 = normalizePhone(value);
  return e164 ? formatPhoneForDisplay(e164) : value;
}
