import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { ProspectWizard } from "@/components/prospects/wizard/prospect-wizard";
import { requirePermission } from "@/lib/auth/session";
import { listInternalOptions } from "@/lib/prospects/internal-options";
import { getPartnerName, listPartnerOptions } from "@/lib/prospects/prospect-file";
import { emptyProspectForm } from "@/lib/prospects/prospect-form-schema";
import { parseWizardTab } from "@/lib/prospects/wizard-tabs";

export const metadata: Metadata = { title: "Ajouter un nouveau prospect" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NewProspectPage({ searchParams }: Props) {
  const actor = await requirePermission("prospect:create");
  const [params, partnerOptions, partnerName, internalOptions] = await Promise.all([
    searchParams,
    listPartnerOptions(actor),
    getPartnerName(actor.partnerId),
    listInternalOptions(actor),
  ]);
  // The internal team picks type, rep and origin; a rep registering a file follows it by default.
  const isRep = actor.role === "SALES" || actor.role === "MANAGER";
  const initialValues = internalOptions
    ? { ...emptyProspectForm(actor.partnerId), typeId: "", originId: "", ownerId: isRep ? actor.id : "" }
    : emptyProspectForm(actor.partnerId);

  return (
    <>
      <PageHeader
        title="Ajouter un nouveau prospect"
        description="Identifiez la société de votre client en la cherchant en ligne : la plupart des informations seront renseignées automatiquement."
      >
        <nav aria-label="Fil d’Ariane" className="mb-1 text-sm">
          <Link href="/prospects" className="text-brand-700 hover:underline">
            ← Prospects
          </Link>
        </nav>
      </PageHeader>
      <ProspectWizard
        initialValues={initialValues}
        initialTab={parseWizardTab(params.onglet)}
        storedStatus={null}
        editable
        origin={{ partnerName, createdByName: actor.name, createdAt: null }}
        info={null}
        partnerOptions={partnerOptions}
        internalOptions={internalOptions}
        panels={null}
      />
    </>
  );
}
