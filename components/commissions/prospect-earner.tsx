// Read-only, for the internal team on a prospect's file: which organisation earns on its
// financed invoices and at what rate today (direct referral first, else the network).
import { COMMISSION_KIND_LABELS } from "@/lib/commissions/labels";
import type { Actor } from "@/lib/auth/actor";
import { getProspectEarner } from "@/lib/commissions/prospect-earner";
import { formatCommissionRate } from "@/lib/connections/labels";

export async function ProspectEarner({ actor, prospectId }: { actor: Actor; prospectId: string }) {
  const earner = await getProspectEarner(actor, prospectId);
  if (!earner) return null;
  let text: string;
  if (!earner.partner || !earner.kind) {
    text = "Aucune organisation partenaire ne perçoit de commission sur ce dossier.";
  } else if (earner.rateBps <= 0) {
    text = `${earner.partner.name} (${COMMISSION_KIND_LABELS[earner.kind].toLowerCase()}) : sa convention ne prévoit pas de commission sur ce dossier.`;
  } else {
    const via = earner.introducedBy ? `, introduit par ${earner.introducedBy}` : "";
    const window = earner.entitlementMonths === null ? "" : `, pendant ${earner.entitlementMonths} mois après le premier financement`;
    text = `${earner.partner.name} perçoit ${formatCommissionRate(earner.rateBps)} du montant financé (${COMMISSION_KIND_LABELS[earner.kind].toLowerCase()}${via}${window}).`;
  }
  return (
    <p className="mb-4 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700" data-testid="prospect-earner">
      <span className="font-medium">Commission partenaire : </span>
      {text}
    </p>
  );
}
