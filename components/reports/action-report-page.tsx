// « Actions faites » / « Actions non faites »: filters, counts per type, the paginated list and
// its exports. Server component shared by the two routes.
import { ActionReportTable } from "@/components/reports/action-report-table";
import { ExportLinks } from "@/components/reports/export-links";
import { ReportFiltersForm } from "@/components/reports/report-filters";
import { ReportsBreadcrumb } from "@/components/reports/reports-breadcrumb";
import { TypeCounts } from "@/components/reports/type-counts";
import { KeysetPagination } from "@/components/ui/keyset-pagination";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { ACTION_REPORT_SLUGS, ACTION_REPORT_TITLES, findActionReport, type ActionReportKind } from "@/lib/reports/action-reports";
import { XLSX_MAX_ROWS, xlsxTooManyRowsMessage } from "@/lib/reports/export-writers";
import { reportFilterOptions } from "@/lib/reports/options";
import { parseKeysetRequest } from "@/lib/pagination/keyset";
import { hasReportFilters, parseReportParams, pickReportFilters, reportQuery } from "@/lib/reports/filters";

const DESCRIPTIONS: Record<ActionReportKind, string> = {
  done: "Les actions faites.",
  notDone: "Les actions non faites.",
};

const PERIOD_HINTS: Record<ActionReportKind, string> = {
  done: "Date à laquelle l'action a été faite",
  notDone: "Échéance de l'action",
};

export async function ActionReportPage({
  kind,
  searchParams,
}: {
  kind: ActionReportKind;
  searchParams: Record<string, string | string[] | undefined>;
}) {
  const actor = await requirePermission("report:view");
  const params = parseReportParams(searchParams);
  const [report, options] = await Promise.all([
    findActionReport(actor, kind, params, undefined, parseKeysetRequest(searchParams)),
    reportFilterOptions(actor),
  ]);
  const filters = pickReportFilters(params);
  // Paged by keyset: the links carry a cursor, never a page number.
  const query = reportQuery({ ...params, page: 1 });
  const slug = ACTION_REPORT_SLUGS[kind];

  return (
    <>
      <PageHeader
        title={ACTION_REPORT_TITLES[kind]}
        description={DESCRIPTIONS[kind]}
        actions={
          <ExportLinks
            basePath={`/api/reports/${slug}`}
            query={query}
            xlsxNotice={report.total > XLSX_MAX_ROWS ? xlsxTooManyRowsMessage(report.total) : null}
          />
        }
      >
        <ReportsBreadcrumb />
      </PageHeader>
      <ReportFiltersForm action={`/rapports/${slug}`} filters={filters} options={options} periodHint={PERIOD_HINTS[kind]} />
      <TypeCounts counts={report.countsByType} label="Nombre d'actions par type" />
      <ActionReportTable
        kind={kind}
        rows={report.rows}
        total={report.total}
        perPage={report.perPage}
        pager={<KeysetPagination pathname={`/rapports/${slug}`} query={query} page={report} />}
        query={query}
        filtered={hasReportFilters(filters)}
      />
    </>
  );
}
