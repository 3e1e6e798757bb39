import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ChainList } from "@/components/actions/chain-list";
import { NestedActionForm } from "@/components/actions/nested-action-form";
import { EditOpportunityForm } from "@/components/opportunities/edit-opportunity-form";
import { OpportunityQuotes } from "@/components/quotes/opportunity-quotes";
import { Badge } from "@/components/ui/badge";
import { SectionCard } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listActionTypeOptions, listAssigneeOptions } from "@/lib/actions/queries";
import { requireUser } from "@/lib/auth/session";
import { formatEuros } from "@/lib/format";
import { OPPORTUNITY_STATUS_LABELS, OPPORTUNITY_STATUS_TONES } from "@/lib/opportunities/labels";
import { getOpportunityDetail, listOwnerOptions, listStageOptions } from "@/lib/opportunities/queries";
import { dateToDay } from "@/lib/opportunities/schemas";
import { centsToEurosInput } from "@/lib/prospects/euros";

// No loading.tsx above this route: a streamed fallback would send a 200 before notFound().
type Props = { params: Promise<{ id: string }> };

const load = cache(async (id: string) => {
  const actor = await requireUser();
  // Partners get null whatever the id: opportunities are internal.
  return { actor, opportunity: id.length <= 64 ? await getOpportunityDetail(actor, id) : null };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { opportunity } = await load((await params).id);
  return { title: opportunity ? `Opportunité ${opportunity.title}` : "Page introuvable" };
}

// « Opportunité »: the master action of a sales flow, opened with the glasses from the prospect's
// « Actions » tab. Its fields, its nested actions by chain, a form to add one (« Faire une
// offre » included) and its quotes.
export default async function OpportunityPage({ params }: Props) {
  const { id } = await params;
  const { actor, opportunity } = await load(id);
  if (!opportunity) notFound();
  const [stageOptions, ownerOptions, typeOptions, assigneeOptions] = await Promise.all([
    listStageOptions(opportunity.stageId),
    listOwnerOptions(actor, opportunity.ownerId),
    listActionTypeOptions(undefined, { includeOffer: true }),
    listAssigneeOptions(actor),
  ]);
  const prospectHref = `/prospects/${opportunity.prospect.id}?onglet=actions`;

  return (
    <>
      <PageHeader
        title={opportunity.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span>Opportunité</span>
            <Badge tone={OPPORTUNITY_STATUS_TONES[opportunity.status]}>{OPPORTUNITY_STATUS_LABELS[opportunity.status]}</Badge>
            <span className="tabular-nums">{formatEuros(opportunity.amountCents)}</span>
            <span>{opportunity.stage.label}</span>
          </span>
        }
      >
        <nav aria-label="Fil d’Ariane" className="mb-1 text-sm">
          <Link href={prospectHref} className="text-brand-700 hover:underline">
            ← {opportunity.prospect.name}
          </Link>
        </nav>
      </PageHeader>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-5">
        <div className="flex flex-col gap-6 lg:col-span-3">
          <SectionCard id="opportunite-actions" title="Actions de l'opportunité">
            <div className="px-4 py-4">
              <ChainList chains={opportunity.chains} />
            </div>
          </SectionCard>
          <SectionCard id="opportunite-devis" title="Devis">
            <OpportunityQuotes opportunityId={opportunity.id} actor={actor} />
          </SectionCard>
        </div>
        <div className="flex flex-col gap-6 lg:col-span-2">
          <SectionCard id="opportunite-fiche" title="Opportunité">
            <EditOpportunityForm
              initial={{
                opportunityId: opportunity.id,
                version: opportunity.version,
                title: opportunity.title,
                amount: centsToEurosInput(opportunity.amountCents),
                stageId: opportunity.stageId,
                expectedCloseDate: dateToDay(opportunity.expectedCloseDate),
                ownerId: opportunity.ownerId ?? "",
                status: opportunity.status,
              }}
              stageOptions={stageOptions}
              ownerOptions={ownerOptions.length > 0 && !opportunity.ownerId ? [{ value: "", label: "Choisir…" }, ...ownerOptions] : ownerOptions}
            />
          </SectionCard>
          <SectionCard id="opportunite-ajouter-action" title="Ajouter une action">
            <div className="px-4 py-4">
              <NestedActionForm
                opportunityId={opportunity.id}
                typeOptions={typeOptions}
                assigneeOptions={assigneeOptions}
                defaultAssigneeId={actor.id}
              />
            </div>
          </SectionCard>
        </div>
      </div>
    </>
  );
}
