// Pure rules of the partner remuneration (issue 10): the amount of a line, the Paris month it
// belongs to, the entitlement window and which organisation earns on an invoice. No database.
import { parisDayOf } from "@/lib/dates";

export type CommissionKindValue = "DIRECT" | "NETWORK";

// base × rate / 10 000, rounded half-up to the cent (away from zero for a negative base, so a
// reversal cancels its earning exactly). Integer arithmetic: base × bps stays far below 2^53.
export function commissionAmountCents(baseCents: number, rateBps: number): number {
  if (!Number.isInteger(baseCents) || !Number.isInteger(rateBps) || rateBps < 0) {
    throw new RangeError(`Invalid commission input ${baseCents} × ${rateBps}`);
  }
  const magnitude = Math.floor((Math.abs(baseCents) * rateBps + 5_000) / 10_000);
  return baseCents < 0 ? -magnitude : magnitude;
}

// "2026-03" → the @db.Date value of the month's first day (UTC midnight, as Prisma stores it).
export function monthStartColumn(month: string): Date {
  if (!isMonth(month)) throw new RangeError(`Mois invalide : ${month}`);
  return new Date(`${month}-01T00:00:00.000Z`);
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: unknown): value is string {
  return typeof value === "string" && MONTH.test(value);
}

// The Paris month ("YYYY-MM") an instant falls in: 31 January 23:30 UTC is February in Paris.
export function parisMonthOf(instant: Date): string {
  return parisDayOf(instant).slice(0, 7);
}

export function addMonths(month: string, count: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + count, 1));
  return d.toISOString().slice(0, 7);
}

// The month a @db.Date month column holds, back as "YYYY-MM".
export function monthOfColumn(value: Date): string {
  return value.toISOString().slice(0, 7);
}

// A calendar day plus whole months; the 31st of a shorter month lands on its last day.
export function addMonthsToDay(day: string, count: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y, m - 1 + count + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + count, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

// With entitlementMonths = 12, a client first financed on 2026-03-15 earns on invoices financed
// up to 2027-03-14 included; null means no limit.
export function isWithinEntitlement(firstFinancedDay: string, financedDay: string, entitlementMonths: number | null): boolean {
  if (entitlementMonths === null) return true;
  return financedDay < addMonthsToDay(firstFinancedDay, entitlementMonths);
}

export type AttributionInput = {
  // The organisation that referred the invoiced client itself, if any.
  directPartnerId: string | null;
  // Direct clients that introduced this client as a « Connexion », oldest link first, with the
  // organisation that referred each of them.
  introducers: { clientId: string; partnerId: string | null }[];
};

export type Attribution = { partnerId: string; kind: CommissionKindValue; introducedById: string | null };

// One invoice earns for at most one organisation: the direct referral wins over the network;
// among introducers, the oldest link with a referring organisation.
export function attributeInvoice(input: AttributionInput): Attribution | null {
  if (input.directPartnerId) return { partnerId: input.directPartnerId, kind: "DIRECT", introducedById: null };
  const introducer = input.introducers.find((i) => i.partnerId !== null);
  return introducer ? { partnerId: introducer.partnerId!, kind: "NETWORK", introducedById: introducer.clientId } : null;
}

export type RateTerms = { directRateBps: number; networkRateBps: number; entitlementMonths: number | null };

// The rate an attribution earns under the version in force, or null when it earns nothing (no
// agreement, a zero rate, or the entitlement window is over).
export function applicableRateBps(
  kind: CommissionKindValue,
  terms: RateTerms | null,
  window: { firstFinancedDay: string; financedDay: string },
): number | null {
  if (!terms) return null;
  const rate = kind === "DIRECT" ? terms.directRateBps : terms.networkRateBps;
  if (rate <= 0) return null;
  if (!isWithinEntitlement(window.firstFinancedDay, window.financedDay, terms.entitlementMonths)) return null;
  return rate;
}
