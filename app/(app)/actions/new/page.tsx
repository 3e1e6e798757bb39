import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/actions/action-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { canCreateActions } from "@/lib/actions/create-action";
import { findProspectOption, listActionTypeOptions } from "@/lib/actions/queries";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Ajouter une action" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// « Ajouter une action » from the dashboard: the prospect's « Actions » form with a prospect
// picker. `?prospect=<id>` preselects one (ignored when out of scope).
export default async function NewActionPage({ searchParams }: Props) {
  const actor = await requireUser();
  if (!canCreateActions(actor)) notFound();
  const raw = (await searchParams).prospect;
  const prospectId = typeof raw === "string" && raw.length <= 64 ? raw : null;
  const [initial, typeOptions] = await Promise.all([
    prospectId ? findProspectOption(actor, prospectId) : Promise.resolve(null),
    listActionTypeOptions(undefined, { forPartner: !can(actor.role, "prospect:internal:read") }),
  ]);

  return (
    <>
      <PageHeader
        title="Ajouter une action"
        description="Un rendez-vous, un appel ou toute autre action à venir sur l'un de vos prospects."
      >
        <nav aria-label="Fil d’Ariane" className="mb-1 text-sm">
          <Link href="/" className="text-brand-700 hover:underline">
            ← Tableau de bord
          </Link>
        </nav>
      </PageHeader>
      <Card className="max-w-2xl p-4 sm:p-6">
        <ActionForm typeOptions={typeOptions} prospect={{ mode: "picker", initial }} successHref="/?action=ajoutee" />
      </Card>
    </>
  );
}
