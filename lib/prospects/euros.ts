// Amounts typed in euros the French way ("1 250 000", "1 250 000,50 €", "1.250.000,50") and
// stored as integer cents (BigInt: revenues can pass 21 M€). No floating point on the way.

export const MAX_EUROS = 999_999_999_999n;

// Cents, or null when the text is not an amount (negative, more than 2 decimals, letters).
export function parseEurosToCents(value: string): bigint | null {
  let text = value.replace(/[\s\u00a0\u202f€]/g, "");
  if (text === "") return null;
  if (text.includes(",")) {
    // Comma decimal: dots can only be thousands separators.
    text = text.replace(/\./g, "").replace(",", ".");
  } else if (/^\d{1,3}(\.\d{3}){2,}$/.test(text) || /^\d{1,3}\.\d{3}$/.test(text)) {
    // "1.250.000" or "1.250": read as thousands, the way it is written in France.
    text = text.replace(/\./g, "");
  }
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return null;
  const euros = BigInt(match[1]!);
  if (euros > MAX_EUROS) return null;
  const cents = BigInt((match[2] ?? "").padEnd(2, "0"));
  return euros * 100n + cents;
}

const NBSP = "\u00a0";

// 125000050n → "1 250 000,50" (non-breaking spaces between thousands, comma decimals); whole
// euros without decimals. What money fields show; parseEurosToCents reads it back.
export function centsToEurosInput(cents: bigint | number | null | undefined): string {
  if (cents === null || cents === undefined) return "";
  const value = BigInt(cents);
  const negative = value < 0n;
  const absolute = negative ? -value : value;
  const euros = (absolute / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  const rest = absolute % 100n;
  const text = rest === 0n ? euros : `${euros},${rest.toString().padStart(2, "0")}`;
  return negative ? `-${text}` : text;
}

// A money field's text put in the French shape once the user leaves it ("1410000.5" →
// "1 410 000,50"); text that is not an amount is left as typed, for its error message.
export function normalizeEurosInput(value: string): string {
  const cents = parseEurosToCents(value);
  return cents === null ? value : centsToEurosInput(cents);
}
