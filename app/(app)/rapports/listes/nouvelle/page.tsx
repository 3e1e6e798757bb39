import type { Metadata } from "next";
import { ReportsBreadcrumb } from "@/components/reports/reports-breadcrumb";
import { SavedListForm } from "@/components/reports/saved-list-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { savedListFormOptions } from "@/lib/reports/options";

export const metadata: Metadata = { title: "Nouvelle liste sur mesure" };

export default async function NewSavedListPage() {
  const actor = await requirePermission("report:view");
  const options = await savedListFormOptions(actor);
  return (
    <>
      <PageHeader title="Nouvelle liste sur mesure" description="Choisissez l'objet, les colonnes et les filtres, puis enregistrez la liste.">
        <ReportsBreadcrumb trail={[{ href: "/rapports/listes", label: "Listes sur mesure" }]} />
      </PageHeader>
      <Card className="p-4 sm:p-6">
        <SavedListForm options={options} />
      </Card>
    </>
  );
}
