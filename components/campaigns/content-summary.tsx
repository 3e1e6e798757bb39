import type { CampaignDetail } from "@/lib/campaigns/queries";

// Step 1 once saved: the campaign's name, subject and message as written (merge fields unrendered).
export function ContentSummary({ campaign }: { campaign: CampaignDetail }) {
  return (
    <dl className="flex flex-col gap-3 text-sm">
      <div>
        <dt className="font-medium text-slate-500">Nom de la campagne</dt>
        <dd className="text-slate-900">{campaign.name}</dd>
      </div>
      <div>
        <dt className="font-medium text-slate-500">Objet</dt>
        <dd className="text-slate-900">{campaign.subjectTemplate}</dd>
      </div>
      <div>
        <dt className="font-medium text-slate-500">Message</dt>
        <dd>
          <pre className="whitespace-pre-wrap rounded-md bg-slate-50 p-3 font-mono text-xs text-slate-800">{campaign.bodyTemplate}</pre>
        </dd>
      </div>
    </dl>
  );
}
