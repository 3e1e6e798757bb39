import { ActionForm } from "@/components/actions/action-form";
import { ActionList } from "@/components/actions/action-list";
import { CreateOpportunityForm } from "@/components/opportunities/create-opportunity-form";
import { OpportunityList } from "@/components/opportunities/opportunity-list";
import { SectionCard } from "@/components/ui/card";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { canCreateActions } from "@/lib/actions/create-action";
import { loadInternalActionsTab } from "@/lib/actions/prospect-actions-tab";
import { listActionTypeOptions, listProspectActions } from "@/lib/actions/queries";
import { listOwnerOptions, listStageOptions } from "@/lib/opportunities/queries";

function FreeActionLists({ lists }: { lists: Awaited<ReturnType<typeof listProspectActions>> }) {
  return (
    <div className="flex flex-col divide-y divide-slate-200">
      <ActionList id="actions-a-venir" title="À venir" actions={lists.upcoming} emptyTitle="Aucune action prévue." past={false} />
      <ActionList id="actions-passees" title="Passées" actions={lists.past} emptyTitle="Aucune action passée." past />
    </div>
  );
}

// The « Actions » tab of a prospect's file. The internal team sees two views (seed §2): the
// « Actions imbriquées », grouped under their opportunity, and the « Actions non imbriquées »
// (free actions such as sending documentation). Partners never see opportunities: they keep
// the list of their free actions.
export async function ProspectActionsPanel({ prospectId, actor }: { prospectId: string; actor: Actor }) {
  const editable = canCreateActions(actor);
  const internal = can(actor.role, "prospect:internal:read") && can(actor.role, "opportunity:manage");

  if (!internal) {
    const [lists, typeOptions] = await Promise.all([
      listProspectActions(actor, prospectId),
      editable ? listActionTypeOptions(undefined, { forPartner: !can(actor.role, "prospect:internal:read") }) : Promise.resolve([]),
    ]);
    return (
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-5">
        <SectionCard id="panneau-actions" title="Actions" className="lg:col-span-3">
          <FreeActionLists lists={lists} />
        </SectionCard>
        {editable ? (
          <SectionCard id="ajouter-une-action" title="Ajouter une action" className="lg:col-span-2">
            <div className="px-4 py-4">
              <ActionForm typeOptions={typeOptions} prospect={{ mode: "fixed", id: prospectId }} />
            </div>
          </SectionCard>
        ) : null}
      </div>
    );
  }

  const [{ opportunities, lists }, typeOptions, stageOptions, ownerOptions] = await Promise.all([
    loadInternalActionsTab(actor, prospectId),
    listActionTypeOptions(),
    listStageOptions(),
    listOwnerOptions(actor),
  ]);

  return (
    <div className="flex flex-col gap-6">
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-5">
        <SectionCard id="actions-imbriquees" title="Actions imbriquées" className="lg:col-span-3">
          <OpportunityList opportunities={opportunities} />
        </SectionCard>
        <SectionCard id="nouvelle-opportunite" title="Nouvelle opportunité" className="lg:col-span-2">
          <div className="px-4 py-4">
            <CreateOpportunityForm
              prospectId={prospectId}
              stageOptions={stageOptions}
              ownerOptions={ownerOptions}
              defaultOwnerId={ownerOptions.some((o) => o.value === actor.id) ? actor.id : (ownerOptions[0]?.value ?? "")}
            />
          </div>
        </SectionCard>
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-5">
        <SectionCard id="actions-non-imbriquees" title="Actions non imbriquées" className="lg:col-span-3">
          <FreeActionLists lists={lists} />
        </SectionCard>
        {editable ? (
          <SectionCard id="ajouter-une-action" title="Ajouter une action" className="lg:col-span-2">
            <div className="px-4 py-4">
              <ActionForm typeOptions={typeOptions} prospect={{ mode: "fixed", id: prospectId }} />
            </div>
          </SectionCard>
        ) : null}
      </div>
    </div>
  );
}
