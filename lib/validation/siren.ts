// SIREN (9 digits) and SIRET (14 digits) checks shared by the form, the server and the registry
// mapping. Both carry a Luhn key; La Poste's establishments are the one documented exception.

const LA_POSTE_SIREN = "356000000";

// People paste numbers as printed: "123 456 789", "123.456.789", with non-breaking spaces.
export function compactDigits(value: string): string {
  return value.replace(/[\s.\-\u00a0\u202f]/g, "");
}

export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function isValidSiren(value: string): boolean {
  const digits = compactDigits(value);
  return /^\d{9}$/.test(digits) && luhnValid(digits);
}

export function isValidSiret(value: string): boolean {
  const digits = compactDigits(value);
  if (!/^\d{14}$/.test(digits)) return false;
  // La Poste numbers its establishments so that the sum of the digits is a multiple of 5.
  if (digits.startsWith(LA_POSTE_SIREN)) {
    const sum = [...digits].reduce((acc, d) => acc + Number(d), 0);
    return sum % 5 === 0 || luhnValid(digits);
  }
  return luhnValid(digits);
}

// A SIRET that passes the key for a SIREN and a 4-digit establishment number, the fifth digit
// chosen for the Luhn sum (what INSEE does). Used by fixtures and demo data.
export function siretFromSiren(siren: string, establishment = "0001"): string {
  const base = `${siren}${establishment.padStart(4, "0").slice(-4)}`;
  for (let check = 0; check <= 9; check++) {
    if (luhnValid(base + check)) return base + check;
  }
  throw new Error("unreachable: one Luhn digit always exists");
}

export const SIREN_MESSAGES = {
  format: "Le SIREN compte 9 chiffres.",
  key: "Ce SIREN n'existe pas : vérifiez les chiffres (clé de contrôle invalide).",
} as const;

export const SIRET_MESSAGES = {
  format: "Le SIRET compte 14 chiffres.",
  key: "Ce SIRET n'existe pas : vérifiez les chiffres (clé de contrôle invalide).",
  mismatch: "Le SIRET doit commencer par le SIREN de l'entreprise.",
} as const;

// The first problem with a typed SIREN, or null when it is valid.
export function sirenError(value: string): string | null {
  const digits = compactDigits(value);
  if (!/^\d{9}$/.test(digits)) return SIREN_MESSAGES.format;
  return luhnValid(digits) ? null : SIREN_MESSAGES.key;
}

export function siretError(value: string): string | null {
  const digits = compactDigits(value);
  if (!/^\d{14}$/.test(digits)) return SIRET_MESSAGES.format;
  return isValidSiret(digits) ? null : SIRET_MESSAGES.key;
}
