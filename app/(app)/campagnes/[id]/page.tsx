import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { PagerLink } from "@/components/ui/pager-link";
import { notFound } from "next/navigation";
import { CampaignActionsTable } from "@/components/campaigns/campaign-actions-table";
import { CampaignContentForm } from "@/components/campaigns/campaign-content-form";
import { CampaignFilters } from "@/components/campaigns/campaign-filters";
import { CampaignStepper } from "@/components/campaigns/campaign-stepper";
import { ContentSummary } from "@/components/campaigns/content-summary";
import { CriteriaSummary } from "@/components/campaigns/criteria-summary";
import { MissingFieldsWarning } from "@/components/campaigns/missing-fields-warning";
import { SendAllButton } from "@/components/campaigns/send-all-button";
import { SkippedFiles } from "@/components/campaigns/skipped-files";
import { StepActionButton } from "@/components/campaigns/step-action-button";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { SectionCard } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/session";
import { generateCampaignActionsAction, generateCampaignActionTypeAction } from "@/lib/campaigns/actions";
import {
  CAMPAIGN_STATUS_LABELS,
  CAMPAIGN_STATUS_TONES,
  CAMPAIGN_STEPS,
  campaignActionTypeName,
  recipientsCountLabel,
  type CampaignStepNumber,
} from "@/lib/campaigns/labels";
import { findMissingMergeFields } from "@/lib/campaigns/missing-fields";
import {
  CAMPAIGN_ACTIONS_PER_PAGE,
  countUnqueuedCampaignActions,
  getCampaignOrThrow,
  listCampaignActions,
  type CampaignDetail,
} from "@/lib/campaigns/queries";
import { countCampaignRecipients } from "@/lib/campaigns/recipients";
import { campaignStepStates, resolveCampaignStep, type StepFacts } from "@/lib/campaigns/steps";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { listInternalOptions } from "@/lib/prospects/internal-options";

export const metadata: Metadata = { title: "Campagne" };

async function loadCampaign(actor: Actor, id: string): Promise<CampaignDetail> {
  try {
    return await getCampaignOrThrow(db, actor, id);
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  }
}

export default async function CampaignPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePermission("campaign:manage");
  const { id } = await params;
  const campaign = await loadCampaign(actor, id);
  const facts: StepFacts = {
    storedStatus: campaign.storedStatus,
    filterSaved: campaign.filter.savedAt !== null,
    hasActionType: campaign.actionType !== null,
  };
  const query = await searchParams;
  const step: CampaignStepNumber = resolveCampaignStep(query.etape, facts);
  const draft = campaign.storedStatus === "DRAFT";
  const basePath = `/campagnes/${campaign.id}`;
  const title = CAMPAIGN_STEPS[step - 1]!.label;

  let body: ReactNode;
  if (step === 1) {
    body = draft ? (
      <CampaignContentForm
        campaignId={campaign.id}
        initial={{ name: campaign.name, subjectTemplate: campaign.subjectTemplate, bodyTemplate: campaign.bodyTemplate }}
      />
    ) : (
      <ContentSummary campaign={campaign} />
    );
  } else if (step === 2) {
    const options = await listInternalOptions(actor, "all", db);
    body =
      draft && options ? (
        <CampaignFilters
          campaignId={campaign.id}
          initial={campaign.filter.criteria}
          initialCount={await countCampaignRecipients(db, actor, campaign.filter.criteria)}
          options={options}
        />
      ) : (
        <CriteriaSummary criteria={campaign.filter.criteria} options={options} />
      );
  } else if (step === 3) {
    body = (
      <div className="flex flex-col gap-3 text-sm text-slate-700">
        <p>
          Un type d&apos;action « E-mail » nommé <strong>{campaign.actionType?.name ?? campaignActionTypeName(campaign.name)}</strong>{" "}
          reçoit l&apos;objet et le message de la campagne ; chaque action d&apos;envoi créée à l&apos;étape suivante est de ce type.
        </p>
        {campaign.actionType ? (
          <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-emerald-800">
            Le type d&apos;action « {campaign.actionType.name} » contient le contenu du mail.
          </p>
        ) : null}
        {draft ? (
          <StepActionButton
            campaignId={campaign.id}
            action={generateCampaignActionTypeAction}
            label={campaign.actionType ? "Mettre à jour le type d'action" : "Générer le type d'action"}
            pendingLabel="Génération…"
            nextHref={`${basePath}?etape=4`}
          />
        ) : null}
      </div>
    );
  } else if (step === 4) {
    if (draft) {
      const count = await countCampaignRecipients(db, actor, campaign.filter.criteria);
      body = (
        <div className="flex flex-col gap-3 text-sm text-slate-700">
          <p>
            <strong>{recipientsCountLabel(count.total)}</strong>. « Enregistrer » crée une action d&apos;envoi en attente pour chaque
            fiche dont le contact favori a une adresse e-mail ; les autres fiches seront listées avec la raison.
          </p>
          <StepActionButton
            campaignId={campaign.id}
            action={generateCampaignActionsAction}
            label="Enregistrer"
            pendingLabel="Création des actions…"
            nextHref={`${basePath}?etape=4`}
          />
        </div>
      );
    } else {
      body = (
        <div className="flex flex-col gap-4 text-sm text-slate-700">
          <p role="status">
            {campaign.progress.total === 1
              ? "1 action d'envoi a été créée."
              : `${campaign.progress.total} actions d'envoi ont été créées.`}
          </p>
          <SkippedFiles files={campaign.filter.skipped} />
          <div>
            <Link href={`${basePath}?etape=5`} className={buttonClasses("primary", "md")}>
              Visualiser les actions en attente
            </Link>
          </div>
        </div>
      );
    }
  } else {
    const pages = Math.max(1, Math.ceil(campaign.progress.total / CAMPAIGN_ACTIONS_PER_PAGE));
    const page = Math.min(pages, positiveInt(query.page) ?? 1);
    const [rows, missing, pendingCount] = await Promise.all([
      listCampaignActions(db, actor, campaign.id, { page, perPage: CAMPAIGN_ACTIONS_PER_PAGE }),
      findMissingMergeFields(db, actor, campaign),
      countUnqueuedCampaignActions(db, actor, campaign.id),
    ]);
    const pageHref = (n: number) => `${basePath}?etape=5&page=${n}`;
    body = (
      <div className="flex flex-col gap-4">
        <dl className="grid grid-cols-3 gap-3 px-4 pt-4 sm:max-w-lg">
          {[
            ["En attente", campaign.progress.pending],
            ["Envoyés", campaign.progress.sent],
            ["Échecs", campaign.progress.failed],
          ].map(([label, value]) => (
            <div key={label} className="rounded-md border border-slate-200 px-3 py-2">
              <dt className="text-xs font-medium text-slate-500">{label}</dt>
              <dd className="text-xl font-semibold tabular-nums text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
        <div className="flex flex-col gap-3 px-4">
          {pendingCount > 0 ? <MissingFieldsWarning recipients={missing.recipients} fields={missing.fields} /> : null}
          <SendAllButton campaignId={campaign.id} pendingCount={pendingCount} />
        </div>
        <CampaignActionsTable campaignId={campaign.id} rows={rows} />
        {pages > 1 ? (
          <nav aria-label="Pagination des actions d'envoi" className="flex items-center justify-between gap-3 border-t border-slate-200 px-4 py-3 text-sm">
            <span className="text-slate-600">
              Page {page} sur {pages} · {campaign.progress.total} actions
            </span>
            <span className="flex gap-2">
              <PagerLink href={pageHref(page - 1)} enabled={page > 1}>
                Précédent
              </PagerLink>
              <PagerLink href={pageHref(page + 1)} enabled={page < pages}>
                Suivant
              </PagerLink>
            </span>
          </nav>
        ) : null}
      </div>
    );
  }

  return (
    <>
      <PageHeader
        title={campaign.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={CAMPAIGN_STATUS_TONES[campaign.status]}>{CAMPAIGN_STATUS_LABELS[campaign.status]}</Badge>
            <span>
              Créée le {formatDateTime(campaign.createdAt)}
              {campaign.createdByName ? ` par ${campaign.createdByName}` : ""}
              {campaign.sentAt ? ` · envoyée le ${formatDateTime(campaign.sentAt)}` : ""}
            </span>
          </span>
        }
      >
        <Link href="/campagnes" className="text-sm text-brand-700 hover:underline">
          ← Campagnes
        </Link>
      </PageHeader>
      <CampaignStepper basePath={basePath} current={step} states={campaignStepStates(facts)} />
      <SectionCard id={`etape-${step}`} title={title}>
        <div className={step === 5 ? "pb-2" : "p-4"}>{body}</div>
      </SectionCard>
    </>
  );
}

// « ?page=3 » → 3; anything else (absent, « abc », « 0 », repeated) → undefined.
function positiveInt(value: string | string[] | undefined): number | undefined {
  if (typeof value !== "string" || !/^[1-9]\d{0,5}$/.test(value)) return undefined;
  return Number(value);
}
