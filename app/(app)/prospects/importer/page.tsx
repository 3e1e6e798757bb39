import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ImportWizard } from "@/components/imports/import-wizard";
import { RecentImports } from "@/components/imports/recent-imports";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listRecentImports } from "@/lib/imports/queries";
import { listInternalOptions } from "@/lib/prospects/internal-options";

export const metadata: Metadata = { title: "Importer des prospects" };

export default async function ImportProspectsPage() {
  const actor = await requireUser();
  if (!can(actor.role, "prospect:create")) notFound();
  const [options, recent] = await Promise.all([listInternalOptions(actor), listRecentImports(actor)]);
  return (
    <>
      <PageHeader
        title="Importer des prospects"
        description={
          can(actor.role, "prospect:read:any")
            ? "Reprenez un portefeuille ou les données d'un autre CRM : choisissez le partenaire, le commercial, le type et l'origine des dossiers créés."
            : "Apportez votre portefeuille de clients depuis un tableur : les dossiers sont créés dans votre organisation."
        }
      >
        <nav aria-label="Fil d’Ariane" className="mb-1 text-sm">
          <Link href="/prospects" className="text-brand-700 hover:underline">
            ← Prospects
          </Link>
        </nav>
      </PageHeader>
      <ImportWizard choices={options} />
      <RecentImports imports={recent} />
    </>
  );
}
