import Link from "next/link";
import { PreviewButton } from "@/components/campaigns/preview-button";
import { RemoveCampaignActionButton } from "@/components/campaigns/remove-action-button";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { CAMPAIGN_ACTION_STATE_LABELS, CAMPAIGN_ACTION_STATE_TONES, SKIP_REASON_LABELS } from "@/lib/campaigns/labels";
import type { CampaignActionRow } from "@/lib/campaigns/queries";

const TH = "px-4 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";
const TD = "px-4 py-3 align-top text-sm text-slate-700";

export function CampaignActionsTable({ campaignId, rows }: { campaignId: string; rows: CampaignActionRow[] }) {
  if (rows.length === 0) {
    return <EmptyState title="Aucune action dans cette campagne." description="Aucune fiche concernée n'avait de contact favori avec une adresse e-mail utilisable." />;
  }
  return (
    <>
      <div className="hidden overflow-x-auto md:block" tabIndex={0} role="region" aria-label="Actions d'envoi de la campagne">
        <table className="min-w-full divide-y divide-slate-200">
          <caption className="sr-only">Actions d&apos;envoi de la campagne</caption>
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className={TH}>Fiche</th>
              <th scope="col" className={TH}>Destinataire</th>
              <th scope="col" className={TH}>Objet</th>
              <th scope="col" className={TH}>État</th>
              <th scope="col" className={`${TH} text-right`}>
                <span className="sr-only">Opérations</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr key={row.id}>
                <td className={TD}>
                  <Link href={`/prospects/${row.prospect.id}`} className="font-medium text-brand-700 hover:underline">
                    {row.prospect.name}
                  </Link>
                </td>
                <td className={TD}>
                  <Recipient row={row} />
                </td>
                <td className={TD}>{row.subject}</td>
                <td className={TD}>
                  <State row={row} />
                </td>
                <td className={`${TD} whitespace-nowrap text-right`}>
                  <Operations campaignId={campaignId} row={row} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {/* On a phone, the same rows as cards: the file, its recipient, its state and its operations. */}
      <ul className="divide-y divide-slate-200 md:hidden" aria-label="Actions d'envoi de la campagne">
        {rows.map((row) => (
          <li key={row.id} className="flex flex-col gap-2 py-3">
            <div className="flex items-start justify-between gap-3">
              <Link href={`/prospects/${row.prospect.id}`} className="min-w-0 font-medium break-words text-brand-700 [overflow-wrap:anywhere] hover:underline">
                {row.prospect.name}
              </Link>
              <div className="shrink-0 text-right">
                <State row={row} />
              </div>
            </div>
            <div className="min-w-0 text-sm break-words text-slate-700 [overflow-wrap:anywhere]">
              <Recipient row={row} />
            </div>
            <Operations campaignId={campaignId} row={row} />
          </li>
        ))}
      </ul>
    </>
  );
}

function Recipient({ row }: { row: CampaignActionRow }) {
  if (row.recipient === null) return "—";
  if ("skipReason" in row.recipient) return <span className="text-amber-800">{SKIP_REASON_LABELS[row.recipient.skipReason]}</span>;
  return (
    <>
        {row.recipient.name ? <span className="block">{row.recipient.name}</span> : null}
        <span className="block text-slate-600">{row.recipient.email}</span>
    </>
  );
}

function State({ row }: { row: CampaignActionRow }) {
  return (
    <>
        <Badge tone={CAMPAIGN_ACTION_STATE_TONES[row.state]}>{CAMPAIGN_ACTION_STATE_LABELS[row.state]}</Badge>
        {row.lastError ? <span className="mt-1 block text-xs text-red-700">{row.lastError}</span> : null}
    </>
  );
}

function Operations({ campaignId, row }: { campaignId: string; row: CampaignActionRow }) {
  return (
    <div className="flex justify-end gap-1">
      <PreviewButton campaignId={campaignId} actionId={row.id} prospectName={row.prospect.name} />
      {row.state === "PENDING" ? (
        <RemoveCampaignActionButton campaignId={campaignId} actionId={row.id} prospectName={row.prospect.name} />
      ) : null}
    </div>
  );
}
