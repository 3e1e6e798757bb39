import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { GenerateStatementsForm } from "@/components/commissions/generate-form";
import { StatementFiltersForm } from "@/components/commissions/statement-filters";
import { StatementList } from "@/components/commissions/statement-list";
import { ExportLinks } from "@/components/reports/export-links";
import { SectionCard } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { addMonths, parisMonthOf } from "@/lib/commissions/compute";
import { findStatements, statementFiltersSchema, STATEMENTS_PER_PAGE, STATEMENTS_PER_PAGE_OPTIONS } from "@/lib/commissions/queries";
import { formatEuros } from "@/lib/format";

export const metadata: Metadata = { title: "Relevés de commissions" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function StatementsPage({ searchParams }: Props) {
  const actor = await requirePermission("commission:manage");
  const filters = statementFiltersSchema.parse(await searchParams);
  const result = await findStatements(actor, filters);
  if (!result) notFound();
  const query: Record<string, string> = {};
  if (filters.mois) query.mois = filters.mois;
  if (filters.statut) query.statut = filters.statut;
  if (filters.organisation) query.organisation = filters.organisation;
  if (filters.perPage !== STATEMENTS_PER_PAGE) query.perPage = String(filters.perPage);

  return (
    <>
      <PageHeader
        title="Relevés de commissions"
        description="Un relevé par organisation et par mois : préparez-le, vérifiez-le, ajoutez un ajustement si besoin, validez-le (numéro et PDF définitifs), puis marquez-le payé."
        actions={<ExportLinks basePath="/api/commissions/statements/export" query={query} />}
      />
      <div className="flex flex-col gap-6">
        <SectionCard id="preparer" title="Préparer les relevés d'un mois">
          <GenerateStatementsForm defaultMonth={addMonths(parisMonthOf(new Date()), -1)} />
        </SectionCard>
        <SectionCard id="liste-releves" title={`Relevés (${result.total}) : total ${formatEuros(result.totalCents)}`}>
          <StatementFiltersForm filters={filters} partners={result.partners} />
        </SectionCard>
        <StatementList
          rows={result.rows}
          total={result.total}
          page={result.page}
          perPage={result.perPage}
          perPageOptions={STATEMENTS_PER_PAGE_OPTIONS}
          query={query}
        />
      </div>
    </>
  );
}
