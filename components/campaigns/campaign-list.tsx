import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClasses } from "@/components/ui/button";
import { CAMPAIGN_STATUS_LABELS, CAMPAIGN_STATUS_TONES } from "@/lib/campaigns/labels";
import type { CampaignListRow } from "@/lib/campaigns/queries";
import { formatDateTime } from "@/lib/format";

const TH = "px-4 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";
const TD = "px-4 py-3 text-sm text-slate-700";

export function CampaignList({ rows }: { rows: CampaignListRow[] }) {
  if (rows.length === 0) {
    return (
      <Card>
        <EmptyState
          title="Aucune campagne pour l'instant."
          description="Une campagne envoie le même e-mail, personnalisé, à chaque fiche choisie par les filtres de la liste des prospects."
          action={
            <Link href="/campagnes/nouvelle" className={buttonClasses("primary", "md")}>
              Nouvelle campagne
            </Link>
          }
        />
      </Card>
    );
  }
  return (
    <Card className="overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200">
        <caption className="sr-only">Liste des campagnes</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={TH}>Campagne</th>
            <th scope="col" className={TH}>Statut</th>
            <th scope="col" className={TH}>Créée le</th>
            <th scope="col" className={`${TH} text-right`}>En attente</th>
            <th scope="col" className={`${TH} text-right`}>Envoyés</th>
            <th scope="col" className={`${TH} text-right`}>Échecs</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id}>
              <td className={TD}>
                <Link href={`/campagnes/${row.id}`} className="font-medium text-brand-700 hover:underline">
                  {row.name}
                </Link>
                {row.createdByName ? <span className="block text-xs text-slate-500">par {row.createdByName}</span> : null}
              </td>
              <td className={TD}>
                <Badge tone={CAMPAIGN_STATUS_TONES[row.status]}>{CAMPAIGN_STATUS_LABELS[row.status]}</Badge>
              </td>
              <td className={`${TD} whitespace-nowrap`}>{formatDateTime(row.createdAt)}</td>
              <td className={`${TD} text-right tabular-nums`}>{row.progress.pending}</td>
              <td className={`${TD} text-right tabular-nums`}>{row.progress.sent}</td>
              <td className={`${TD} text-right tabular-nums ${row.progress.failed > 0 ? "font-semibold text-red-700" : ""}`}>
                {row.progress.failed}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
