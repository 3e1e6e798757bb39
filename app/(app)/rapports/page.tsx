import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Rapports" };

const REPORTS = [
  { href: "/rapports/actions-faites", label: "Actions faites", description: "Les actions faites, par période, responsable, partenaire, origine et type de prospect." },
  { href: "/rapports/actions-non-faites", label: "Actions non faites", description: "Les actions non faites, par échéance, avec les mêmes filtres." },
  { href: "/rapports/chiffre-affaires", label: "Chiffre d'affaires par commercial", description: "Le chiffre d'affaires par commercial : opportunités gagnées par mois, en tableau et en graphique." },
  { href: "/rapports/listes", label: "Listes sur mesure", description: "Vos listes de prospects, d'actions ou d'opportunités, avec les colonnes et les filtres de votre choix, à exporter en CSV ou XLSX." },
] as const;

// The internal team's reports (seed § 8 « Le reporting »); partners get a 404.
export default async function ReportsPage() {
  await requirePermission("report:view");
  return (
    <>
      <PageHeader title="Rapports" description="Statistiques et listes construites à partir des données du CRM." />
      <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        {REPORTS.map((report) => (
          <li key={report.href}>
            <Card className="h-full p-4">
              <h2 className="text-base font-semibold text-slate-900">
                <Link href={report.href} className="text-brand-700 hover:underline">
                  {report.label}
                </Link>
              </h2>
              <p className="mt-1 text-sm text-slate-600">{report.description}</p>
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}
