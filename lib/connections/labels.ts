// Labels of the « Connexions » tab, shared by server and client components.
import type { ConnectionRelation } from "@/lib/generated/prisma/enums";

export const CONNECTION_RELATION_LABELS: Record<ConnectionRelation, string> = {
  SUPPLIER: "Fournisseur",
  CUSTOMER: "Client",
};

const rateFormatter = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

// 150 basis points → "1,50 %".
export function formatCommissionRate(bps: number): string {
  return `${rateFormatter.format(bps / 100)}\u00a0%`;
}

// Whether the referring partner earns on the client's connections, under its agreement. A
// partner reads « votre convention » on every line; the internal team reads a short answer,
// the agreement being named once above the list (commissionSummary).
export function commissionLabel(
  partner: { name: string; networkRateBps: number } | null,
  viewer: "partner" | "internal",
): { earns: boolean; text: string } {
  if (!partner) return { earns: false, text: "Sans partenaire apporteur" };
  const agreement = viewer === "partner" ? " selon votre convention" : "";
  if (partner.networkRateBps > 0) {
    return { earns: true, text: `Oui — ${formatCommissionRate(partner.networkRateBps)}${agreement}` };
  }
  return { earns: false, text: viewer === "partner" ? "Non prévu par votre convention" : "Non prévu par la convention" };
}

// For the internal team: whose agreement the answers come from.
export function commissionSummary(partner: { name: string; networkRateBps: number } | null): string {
  if (!partner) return "Prospect sans partenaire apporteur : aucune rémunération à prévoir.";
  return partner.networkRateBps > 0
    ? `Partenaire apporteur : ${partner.name}, rémunéré à ${formatCommissionRate(partner.networkRateBps)} selon sa convention.`
    : `Partenaire apporteur : ${partner.name}, dont la convention ne prévoit pas de rémunération.`;
}
