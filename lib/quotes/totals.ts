// Quote arithmetic in exact integers, shared by the form (live totals) and the server (stored
// totals), so what the user sees is what gets saved, sent and printed. No server-only import.

// Basis points: 2000 = 20 %. The French rates (normal, intermediate, reduced, super-reduced) and 0.
export const VAT_RATES_BPS = [2000, 1000, 550, 210, 0] as const;
export type VatRateBps = (typeof VAT_RATES_BPS)[number];

export function isAllowedVatRate(value: number): value is VatRateBps {
  return (VAT_RATES_BPS as readonly number[]).includes(value);
}

// "20 %", "5,5 %", "2,1 %", "0 %".
export function formatVatRate(bps: number): string {
  const percent = bps / 100;
  return `${String(percent).replace(".", ",")} %`;
}

// Column bounds (PostgreSQL INTEGER): every stored amount must fit.
export const MAX_INT = 2_147_483_647;
// 1 000 000 units at most (in thousandths), 10 000 000 € unit price at most (in cents).
export const MAX_QUANTITY_MILLI = 1_000_000_000;
export const MAX_UNIT_PRICE_CENTS = 1_000_000_000;

export type DecimalParse =
  | { ok: true; value: number }
  | { ok: false; reason: "empty" | "format" | "negative" | "decimals" | "too-large" };

// French number input to an integer count of 10^-decimals: « 1 234,56 » with 2 decimals is
// 123456. Spaces (incl. no-break ones) group thousands; the decimal mark is « , » or « . ».
// Pure string work: no floating point ever touches the value.
export function parseFrenchDecimal(raw: string, decimals: number, max: number): DecimalParse {
  const text = raw.replace(/[\s\u00a0\u202f]/g, "");
  if (text === "") return { ok: false, reason: "empty" };
  const negative = text.startsWith("-");
  const unsigned = text.replace(/^[-+]/, "");
  const match = /^(\d*)(?:[.,](\d*))?$/.exec(unsigned);
  if (!match || (match[1] === "" && (match[2] ?? "") === "")) return { ok: false, reason: "format" };
  if (negative && /[1-9]/.test(unsigned)) return { ok: false, reason: "negative" };
  const intPart = match[1] || "0";
  const fracPart = (match[2] ?? "").replace(/0+$/, "");
  if (fracPart.length > decimals) return { ok: false, reason: "decimals" };
  const digits = (intPart + fracPart.padEnd(decimals, "0")).replace(/^0+(?=\d)/, "");
  if (digits.length > 15) return { ok: false, reason: "too-large" };
  const value = Number(digits);
  if (value > max) return { ok: false, reason: "too-large" };
  return { ok: true, value };
}

export function parseQuantityMilli(raw: string): DecimalParse {
  return parseFrenchDecimal(raw, 3, MAX_QUANTITY_MILLI);
}

export function parseUnitPriceCents(raw: string): DecimalParse {
  return parseFrenchDecimal(raw, 2, MAX_UNIT_PRICE_CENTS);
}

// Integers back to what a French user types: 1500 thousandths → « 1,5 »; 123456 cents → « 1234,56 ».
export function formatScaled(value: number, decimals: number, minDecimals = 0): string {
  const negative = value < 0;
  const digits = String(Math.abs(value)).padStart(decimals + 1, "0");
  const intPart = digits.slice(0, digits.length - decimals);
  let frac = digits.slice(digits.length - decimals).replace(/0+$/, "");
  if (frac.length < minDecimals) frac = frac.padEnd(minDecimals, "0");
  return `${negative ? "-" : ""}${intPart}${frac ? `,${frac}` : ""}`;
}

export function formatQuantityInput(quantityMilli: number): string {
  return formatScaled(quantityMilli, 3);
}

export function formatUnitPriceInput(unitPriceCents: number): string {
  return formatScaled(unitPriceCents, 2, 2);
}

// Quantities for display and print: « 1,5 », « 12 ».
export function formatQuantity(quantityMilli: number): string {
  const [intPart, frac] = formatScaled(quantityMilli, 3).split(",");
  const grouped = (intPart ?? "0").replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return frac ? `${grouped},${frac}` : grouped;
}

// Half-up division of non-negative integers, exact for any size (BigInt).
function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

// A line's total before tax: quantity × unit price, rounded half-up to the cent.
export function lineTotalHtCents(quantityMilli: number, unitPriceCents: number): number {
  return Number(divideHalfUp(BigInt(quantityMilli) * BigInt(unitPriceCents), 1000n));
}

export type TotalsLine = { quantityMilli: number; unitPriceCents: number; vatRateBps: number };

export type VatBreakdown = { rateBps: number; baseHtCents: number; vatCents: number };

export type QuoteTotals = {
  lineTotalsHtCents: number[];
  totalHtCents: number;
  // One entry per rate used, highest rate first.
  vat: VatBreakdown[];
  totalVatCents: number;
  totalTtcCents: number;
};

// French practice: VAT is computed per rate on the sum of the lines at that rate, then rounded
// (not line by line), and TTC is HT plus that VAT.
export function computeQuoteTotals(lines: readonly TotalsLine[]): QuoteTotals {
  const lineTotalsHtCents = lines.map((l) => lineTotalHtCents(l.quantityMilli, l.unitPriceCents));
  const bases = new Map<number, number>();
  lines.forEach((line, i) => bases.set(line.vatRateBps, (bases.get(line.vatRateBps) ?? 0) + lineTotalsHtCents[i]!));
  const vat = [...bases.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([rateBps, baseHtCents]) => ({
      rateBps,
      baseHtCents,
      vatCents: Number(divideHalfUp(BigInt(baseHtCents) * BigInt(rateBps), 10_000n)),
    }));
  const totalHtCents = lineTotalsHtCents.reduce((sum, t) => sum + t, 0);
  const totalVatCents = vat.reduce((sum, v) => sum + v.vatCents, 0);
  return { lineTotalsHtCents, totalHtCents, vat, totalVatCents, totalTtcCents: totalHtCents + totalVatCents };
}

// The stored columns are 32-bit: a quote whose totals would not fit is refused, never truncated.
export function totalsFitStorage(totals: QuoteTotals): boolean {
  return totals.totalTtcCents <= MAX_INT && totals.lineTotalsHtCents.every((t) => t <= MAX_INT);
}
