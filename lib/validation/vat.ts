// Intra-community VAT numbers. French numbers are checked fully (FR + 2-digit key + SIREN);
// other EU numbers by their published pattern only, since their keys need the VIES service.
import { compactDigits } from "@/lib/validation/siren";

const EU_PATTERNS: Record<string, RegExp> = {
  AT: /^ATU\d{8}$/,
  BE: /^BE[01]\d{9}$/,
  BG: /^BG\d{9,10}$/,
  CY: /^CY\d{8}[A-Z]$/,
  CZ: /^CZ\d{8,10}$/,
  DE: /^DE\d{9}$/,
  DK: /^DK\d{8}$/,
  EE: /^EE\d{9}$/,
  EL: /^EL\d{9}$/,
  ES: /^ES[A-Z0-9]\d{7}[A-Z0-9]$/,
  FI: /^FI\d{8}$/,
  HR: /^HR\d{11}$/,
  HU: /^HU\d{8}$/,
  IE: /^IE\d[A-Z0-9+*]\d{5}[A-Z]{1,2}$/,
  IT: /^IT\d{11}$/,
  LT: /^LT(\d{9}|\d{12})$/,
  LU: /^LU\d{8}$/,
  LV: /^LV\d{11}$/,
  MT: /^MT\d{8}$/,
  NL: /^NL\d{9}B\d{2}$/,
  PL: /^PL\d{10}$/,
  PT: /^PT\d{9}$/,
  RO: /^RO\d{2,10}$/,
  SE: /^SE\d{12}$/,
  SI: /^SI\d{8}$/,
  SK: /^SK\d{10}$/,
  XI: /^XI(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/,
};

export const VAT_MESSAGES = {
  format:
    "Numéro de TVA invalide : saisissez FR suivi de 2 chiffres de clé et des 9 chiffres du SIREN (ex. FR40303265045), ou un numéro de TVA européen.",
  key: "La clé de ce numéro de TVA ne correspond pas au SIREN : vérifiez les chiffres.",
  sirenMismatch: "Ce numéro de TVA ne correspond pas au SIREN de l'entreprise.",
} as const;

// "fr 40 303 265 045" → "FR40303265045".
export function normalizeVat(value: string): string {
  return compactDigits(value).toUpperCase();
}

// The French key: (12 + 3 × (SIREN mod 97)) mod 97, on two digits.
export function frenchVatKey(siren: string): string {
  return String((12 + 3 * (Number(siren) % 97)) % 97).padStart(2, "0");
}

export function frenchVatFromSiren(siren: string): string {
  return `FR${frenchVatKey(siren)}${siren}`;
}

// The SIREN inside a French VAT number, or null for any other number.
export function sirenOfFrenchVat(vat: string): string | null {
  const match = /^FR\d{2}(\d{9})$/.exec(normalizeVat(vat));
  return match?.[1] ?? null;
}

// The first problem with a VAT number, or null when it is valid.
export function vatError(value: string): string | null {
  const vat = normalizeVat(value);
  if (vat.startsWith("FR")) {
    const match = /^FR(\d{2})(\d{9})$/.exec(vat);
    if (!match) return VAT_MESSAGES.format;
    return match[1] === frenchVatKey(match[2]!) ? null : VAT_MESSAGES.key;
  }
  const pattern = EU_PATTERNS[vat.slice(0, 2)];
  return pattern && pattern.test(vat) ? null : VAT_MESSAGES.format;
}

export function isValidVat(value: string): boolean {
  return vatError(value) === null;
}
