import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { SectionCard } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { DashboardProspect } from "@/lib/dashboard/queries";
import { formatDate } from "@/lib/format";
import {
  PROSPECT_STAGE_LABELS,
  PROSPECT_STAGE_TONES,
  PROSPECT_STATUS_LABELS,
  PROSPECT_STATUS_TONES,
} from "@/lib/prospects/labels";

export function LatestProspects({ prospects, showPartner }: { prospects: DashboardProspect[]; showPartner: boolean }) {
  return (
    <SectionCard
      id="derniers-clients"
      title="Derniers clients"
      action={
        <Link href="/prospects" className="text-sm font-medium text-brand-700 hover:underline">
          Voir tous les prospects
        </Link>
      }
    >
      {prospects.length === 0 ? (
        <EmptyState title="Aucun prospect enregistré pour le moment." />
      ) : (
        <ul className="divide-y divide-slate-100">
          {prospects.map((p) => (
            <li key={p.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
              <div className="min-w-0">
                <Link href={`/prospects/${p.id}`} className="font-medium text-brand-700 hover:underline">
                  {p.name}
                </Link>
                <p className="text-xs text-slate-500">
                  {[p.city, showPartner ? p.partner?.name : null, `créé le ${formatDate(p.createdAt)}`]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
              </div>
              <div className="flex flex-wrap gap-1.5">
                <Badge tone={PROSPECT_STATUS_TONES[p.status]}>{PROSPECT_STATUS_LABELS[p.status]}</Badge>
                <Badge tone={PROSPECT_STAGE_TONES[p.stage]}>{PROSPECT_STAGE_LABELS[p.stage]}</Badge>
              </div>
            </li>
          ))}
        </ul>
      )}
    </SectionCard>
  );
}
