import type { CampaignCriteria } from "@/lib/campaigns/schemas";
import type { InternalOptions } from "@/lib/prospects/internal-options";
import { PROSPECT_STAGE_LABELS, PROSPECT_STATUS_LABELS } from "@/lib/prospects/labels";

// The saved filters, read back in words once they can no longer change.
export function CriteriaSummary({ criteria, options }: { criteria: CampaignCriteria; options: InternalOptions | null }) {
  const name = (list: { value: string; label: string }[] | undefined, id: string) => list?.find((o) => o.value === id)?.label ?? id;
  const items: [string, string][] = [];
  if (criteria.q) items.push(["Recherche", `« ${criteria.q} »`]);
  if (criteria.status) items.push(["Statut", PROSPECT_STATUS_LABELS[criteria.status]]);
  if (criteria.stage) items.push(["Étape", PROSPECT_STAGE_LABELS[criteria.stage]]);
  if (criteria.type) items.push(["Type", name(options?.types, criteria.type)]);
  if (criteria.owner) items.push(["Commercial", name(options?.owners, criteria.owner)]);
  if (criteria.origin) items.push(["Origine", name(options?.origins, criteria.origin)]);
  if (criteria.partner) items.push(["Apporteur", name(options?.partners, criteria.partner)]);
  if (items.length === 0) return <p className="text-sm text-slate-700">Aucun filtre : toutes les fiches.</p>;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
      {items.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-500">{label}</dt>
          <dd className="text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
