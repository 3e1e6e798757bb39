import type { Metadata } from "next";
import { ActionTypeList } from "@/components/reference/action-type-list";
import { ReferenceNameList } from "@/components/reference/name-list";
import { SectionCard } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { listReferenceLists } from "@/lib/reference/queries";
import { REFERENCE_KIND_LABELS } from "@/lib/reference/schemas";

export const metadata: Metadata = { title: "Listes de référence" };

export default async function ReferenceListsPage() {
  await requirePermission("reference:manage");
  const lists = await listReferenceLists();
  return (
    <>
      <PageHeader
        title="Listes de référence"
        description="Les valeurs proposées sur les fiches. Une valeur utilisée ne peut pas être supprimée, seulement retirée : elle reste affichée sur les fiches existantes mais n'est plus proposée."
      />
      <div className="flex flex-col gap-6">
        <SectionCard id="types-prospect" title={REFERENCE_KIND_LABELS.prospectType.title}>
          <ReferenceNameList kind="prospectType" rows={lists.prospectTypes} />
        </SectionCard>
        <SectionCard id="origines" title={REFERENCE_KIND_LABELS.origin.title}>
          <ReferenceNameList kind="origin" rows={lists.origins} />
        </SectionCard>
        <SectionCard id="types-action" title={REFERENCE_KIND_LABELS.actionType.title}>
          <ActionTypeList rows={lists.actionTypes} />
        </SectionCard>
      </div>
    </>
  );
}
