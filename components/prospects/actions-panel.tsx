import { ActionForm } from "@/components/actions/action-form";
import { ActionList } from "@/components/actions/action-list";
import { SectionCard } from "@/components/ui/card";
import type { Actor } from "@/lib/auth/actor";
import { canCreateActions } from "@/lib/actions/create-action";
import { listActionTypeOptions, listProspectActions } from "@/lib/actions/queries";

// The « Actions » tab of a prospect's file: what is planned, what is behind, and the form to
// record a meeting, a call or anything else. Partners never see the steps of an opportunity.
export async function ProspectActionsPanel({ prospectId, actor }: { prospectId: string; actor: Actor }) {
  const editable = canCreateActions(actor);
  const [lists, typeOptions] = await Promise.all([
    listProspectActions(actor, prospectId),
    editable ? listActionTypeOptions() : Promise.resolve([]),
  ]);

  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-5">
      <SectionCard id="panneau-actions" title="Actions" className="lg:col-span-3">
        <div className="flex flex-col divide-y divide-slate-200">
          <ActionList
            id="actions-a-venir"
            title="À venir"
            actions={lists.upcoming}
            emptyTitle="Aucune action prévue."
            past={false}
          />
          <ActionList
            id="actions-passees"
            title="Passées"
            actions={lists.past}
            emptyTitle="Aucune action passée."
            past
          />
        </div>
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
