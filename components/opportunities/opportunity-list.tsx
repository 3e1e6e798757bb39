import { ChainList } from "@/components/actions/chain-list";
import { ViewLink } from "@/components/actions/view-link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCalendarDay, formatEuros } from "@/lib/format";
import { OPPORTUNITY_STATUS_LABELS, OPPORTUNITY_STATUS_TONES } from "@/lib/opportunities/labels";
import type { OpportunitySummary } from "@/lib/opportunities/queries";

// « Actions imbriquées »: each opportunity (the master action) with its steps grouped by chain.
export function OpportunityList({ opportunities }: { opportunities: OpportunitySummary[] }) {
  if (opportunities.length === 0) {
    return (
      <EmptyState
        title="Aucune opportunité pour ce prospect."
        description="Créez une opportunité pour suivre une affaire étape par étape."
      />
    );
  }
  return (
    <ul className="flex flex-col divide-y divide-slate-200" aria-label="Opportunités">
      {opportunities.map((o) => (
        <li key={o.id} className="flex flex-col gap-3 px-4 py-4">
          <article aria-labelledby={`opportunite-${o.id}`} className="flex flex-col gap-3">
            <div className="flex items-start gap-3">
              <div className="flex min-w-0 flex-1 flex-col gap-1">
                <div className="flex flex-wrap items-center gap-2">
                  <h4 id={`opportunite-${o.id}`} className="text-sm font-semibold text-slate-900">
                    {o.title}
                  </h4>
                  <Badge tone={OPPORTUNITY_STATUS_TONES[o.status]}>{OPPORTUNITY_STATUS_LABELS[o.status]}</Badge>
                </div>
                <p className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-600">
                  <span className="font-medium tabular-nums text-slate-800">{formatEuros(o.amountCents)}</span>
                  <span>Étape : {o.stage.label}</span>
                  <span>Clôture prévue : {o.expectedCloseDate ? formatCalendarDay(o.expectedCloseDate) : "non renseignée"}</span>
                  <span>Commercial : {o.owner?.name ?? "non attribué"}</span>
                </p>
              </div>
              <ViewLink href={`/opportunites/${o.id}`} label={`Voir l'opportunité ${o.title}`} />
            </div>
            <ChainList chains={o.chains} />
          </article>
        </li>
      ))}
    </ul>
  );
}
