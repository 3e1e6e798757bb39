import type { Metadata } from "next";
import Link from "next/link";
import { ReportsBreadcrumb } from "@/components/reports/reports-breadcrumb";
import { SavedListsTable } from "@/components/reports/saved-lists-table";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { listSavedLists } from "@/lib/reports/saved-lists";

export const metadata: Metadata = { title: "Listes sur mesure" };

export default async function SavedListsPage() {
  const actor = await requirePermission("report:view");
  const lists = await listSavedLists(actor);
  return (
    <>
      <PageHeader
        title="Listes sur mesure"
        description="Vos listes de prospects, d'actions ou d'opportunités, avec les colonnes et les filtres de votre choix."
        actions={
          <Link href="/rapports/listes/nouvelle" className={buttonClasses("primary", "md")}>
            Créer une liste
          </Link>
        }
      >
        <ReportsBreadcrumb />
      </PageHeader>
      <Card>
        <SavedListsTable lists={lists} />
      </Card>
    </>
  );
}
