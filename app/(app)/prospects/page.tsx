import type { Metadata } from "next";
import Link from "next/link";
import { ProspectFilters } from "@/components/prospects/prospect-filters";
import { ProspectTable } from "@/components/prospects/prospect-table";
import { ExportLinks } from "@/components/reports/export-links";
import { buttonClasses } from "@/components/ui/button";
import { KeysetPagination } from "@/components/ui/keyset-pagination";
import { PageHeader } from "@/components/ui/page-header";
import { XLSX_MAX_ROWS, xlsxTooManyRowsMessage } from "@/lib/reports/export-writers";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { parseKeysetRequest } from "@/lib/pagination/keyset";
import { findProspectsPage } from "@/lib/prospects/find-prospects-page";
import { listInternalOptions } from "@/lib/prospects/internal-options";
import { parseProspectListParams, PROSPECT_INTERNAL_FILTER_KEYS, prospectListQuery } from "@/lib/prospects/schemas";

export const metadata: Metadata = { title: "Prospects" };

export default async function ProspectsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireUser();
  const internal = can(actor.role, "prospect:read:any");
  const raw = await searchParams;
  const parsed = parseProspectListParams(raw);
  // Partners have no internal filters: they are dropped from the state and the links.
  const requested = internal
    ? parsed
    : { ...parsed, ...Object.fromEntries(PROSPECT_INTERNAL_FILTER_KEYS.map((key) => [key, ""])) };
  // The filters' choices do not depend on the page: both reads go to the database at once.
  const [result, filterOptions] = await Promise.all([
    findProspectsPage(actor, requested, parseKeysetRequest(raw)),
    internal ? listInternalOptions(actor, "all") : null,
  ]);
  // Keyset pages have no number; an offset page may have been clamped to the last one.
  const params = { ...requested, page: result.mode === "offset" ? result.page : 1 };
  const query = prospectListQuery(params);

  return (
    <>
      <PageHeader
        title="Prospects"
        description={internal ? "Tous les prospects et clients." : "Les prospects et clients que vous avez apportés."}
        actions={
          <>
            {can(actor.role, "prospect:create") ? (
              <Link href="/prospects/importer" className={buttonClasses("secondary", "md")}>
                Importer des prospects
              </Link>
            ) : null}
            <ExportLinks
              basePath="/api/prospects/export"
              query={query}
              xlsxNotice={result.total > XLSX_MAX_ROWS ? xlsxTooManyRowsMessage(result.total) : null}
            />
          </>
        }
      />
      <ProspectFilters query={query} options={filterOptions} />
      <ProspectTable
        rows={result.rows}
        total={result.total}
        totalIsLowerBound={result.totalIsLowerBound}
        pager={result.mode === "keyset" ? <KeysetPagination pathname="/prospects" query={query} page={result} /> : undefined}
        params={params}
        query={query}
        showPartner={internal}
        hasFilters={Boolean(params.q || params.status || (internal && PROSPECT_INTERNAL_FILTER_KEYS.some((key) => params[key])))}
      />
    </>
  );
}
