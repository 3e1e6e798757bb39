import type { Metadata } from "next";
import { ExportLinks } from "@/components/reports/export-links";
import { ReportFiltersForm } from "@/components/reports/report-filters";
import { ReportsBreadcrumb } from "@/components/reports/reports-breadcrumb";
import { RevenueChart } from "@/components/reports/revenue-chart";
import { RevenueTable } from "@/components/reports/revenue-table";
import { SectionCard } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { formatCalendarDay } from "@/lib/format";
import { reportFilterOptions } from "@/lib/reports/options";
import { parseReportParams, pickReportFilters, reportQuery } from "@/lib/reports/filters";
import { findRevenueReport } from "@/lib/reports/revenue-report";
import { REVENUE_MAX_MONTHS } from "@/lib/reports/revenue-period";

export const metadata: Metadata = { title: "Chiffre d'affaires par commercial" };

export default async function RevenueReportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePermission("report:view");
  const filters = pickReportFilters(parseReportParams(await searchParams));
  const [report, options] = await Promise.all([findRevenueReport(actor, filters), reportFilterOptions(actor)]);
  const { period } = report;

  return (
    <>
      <PageHeader
        title="Chiffre d'affaires par commercial"
        description="Le chiffre d'affaires par commercial : montants des opportunités gagnées, par mois de conclusion."
        actions={<ExportLinks basePath="/api/reports/chiffre-affaires" query={reportQuery(filters)} />}
      >
        <ReportsBreadcrumb />
      </PageHeader>
      <ReportFiltersForm
        action="/rapports/chiffre-affaires"
        filters={filters}
        options={options}
        periodHint="Date de conclusion de l'opportunité ; par défaut les douze derniers mois"
      />
      <p className="mb-4 text-sm text-slate-700" role="status">
        Période affichée : du {formatCalendarDay(period.from)} au {formatCalendarDay(period.to)}.
        {period.truncated ? ` Limitée aux ${REVENUE_MAX_MONTHS} derniers mois de la période demandée.` : null}
      </p>
      <div className="flex flex-col gap-6">
        <SectionCard id="ca-graphique" title="Graphique">
          <div className="p-4">
            {report.totalCents > 0 ? (
              <RevenueChart report={report} />
            ) : (
              <p className="text-sm text-slate-600">Aucun chiffre d&apos;affaires gagné sur cette période.</p>
            )}
          </div>
        </SectionCard>
        <SectionCard id="ca-tableau" title="Tableau">
          <RevenueTable report={report} />
        </SectionCard>
      </div>
    </>
  );
}
