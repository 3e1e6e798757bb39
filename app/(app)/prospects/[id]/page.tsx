import type { Metadata } from "next";
import Link from "next/link";
import { ProspectEarner } from "@/components/commissions/prospect-earner";
import { notFound } from "next/navigation";
import { cache } from "react";
import { AttachmentsPanel } from "@/components/attachments/attachments-panel";
import { CorrectionsBlock } from "@/components/corrections/corrections-block";
import { ProspectActionsPanel } from "@/components/prospects/actions-panel";
import { ConnectionsPanel } from "@/components/prospects/connections-panel";
import { HistoryPanel } from "@/components/prospects/history-panel";
import { DocumentsMenu } from "@/components/reports/documents-menu";
import { ProspectWizard } from "@/components/prospects/wizard/prospect-wizard";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { formatSiren } from "@/lib/format";
import { HISTORY_PAGE_PARAM, parseHistoryPage } from "@/lib/history/params";
import {
  PROSPECT_STAGE_LABELS,
  PROSPECT_STAGE_TONES,
  PROSPECT_STATUS_LABELS,
  PROSPECT_STATUS_TONES,
} from "@/lib/prospects/labels";
import { listInternalOptions } from "@/lib/prospects/internal-options";
import { getProspectFile, listPartnerOptions } from "@/lib/prospects/prospect-file";
import { parseWizardTab } from "@/lib/prospects/wizard-tabs";

// No loading.tsx above this route on purpose: a streamed fallback would send a 200 before
// notFound() could answer 404.
type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Metadata and page share one query per request.
const loadFile = cache(async (id: string) => {
  const actor = await requireUser();
  return { actor, file: await getProspectFile(actor, id) };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { file } = await loadFile((await params).id);
  return { title: file ? file.info.name : "Page introuvable" };
}

// The prospect's file: the wizard's tabs, editable in place, with the « Actions »,
// « Pièces jointes », « Connexions » and (internal team only) « Historique » panels rendered here
// on the server.
export default async function ProspectPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const { actor, file } = await loadFile(id);
  // Missing and out-of-scope look the same: another partner's prospect is a 404.
  if (!file) notFound();
  const { info, values } = file;
  const editable = can(actor.role, "prospect:update:any") || can(actor.role, "prospect:update:own");
  const [partnerOptions, internalOptions] = await Promise.all([listPartnerOptions(actor), listInternalOptions(actor, values)]);

  return (
    <>
      <PageHeader
        title={info.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {info.siren ? <span className="tabular-nums">SIREN {formatSiren(info.siren)}</span> : null}
            {info.city ? <span>{info.city}</span> : null}
            <Badge tone={PROSPECT_STATUS_TONES[info.status]}>{PROSPECT_STATUS_LABELS[info.status]}</Badge>
            <Badge tone={PROSPECT_STAGE_TONES[info.stage]}>{PROSPECT_STAGE_LABELS[info.stage]}</Badge>
          </span>
        }
        actions={can(actor.role, "report:view") ? <DocumentsMenu /> : undefined}
      >
        <nav aria-label="Fil d’Ariane" className="mb-1 text-sm">
          <Link href="/prospects" className="text-brand-700 hover:underline">
            ← Prospects
          </Link>
        </nav>
      </PageHeader>
      {can(actor.role, "prospect:internal:read") ? <ProspectEarner actor={actor} prospectId={info.id} /> : null}
      <CorrectionsBlock actor={actor} prospectId={info.id} />
      <ProspectWizard
        initialValues={values}
        initialTab={parseWizardTab(query.onglet)}
        storedStatus={info.status}
        editable={editable}
        origin={{ partnerName: info.partnerName, createdByName: info.createdByName, createdAt: info.createdAt }}
        info={info}
        partnerOptions={partnerOptions}
        internalOptions={internalOptions}
        panels={{
          actions: <ProspectActionsPanel prospectId={info.id} actor={actor} />,
          attachments: <AttachmentsPanel prospectId={info.id} actor={actor} />,
          connections: <ConnectionsPanel prospectId={info.id} actor={actor} />,
          // The history holds internal data: partners get no tab at all.
          history: can(actor.role, "prospect:internal:read") ? (
            <HistoryPanel prospectId={info.id} actor={actor} page={parseHistoryPage(query[HISTORY_PAGE_PARAM])} />
          ) : null,
        }}
        initialNotice={query.enregistre === "1" ? "Prospect enregistré. Vous pouvez compléter son dossier dans les autres onglets." : null}
      />
    </>
  );
}
