// Display of agreement rates: basis points as a French percentage (125 → « 1,25 % »).
import { bpsToPercentText } from "@/lib/agreements/schemas";

export function formatRateBps(bps: number): string {
  return `${bpsToPercentText(bps)} %`;
}

export function formatAddress(p: { street: string | null; postalCode: string | null; city: string | null }): string | null {
  const cityLine = [p.postalCode, p.city].filter(Boolean).join(" ");
  return [p.street, cityLine].filter(Boolean).join(", ") || null;
}
