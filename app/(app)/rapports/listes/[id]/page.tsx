import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ExportLinks } from "@/components/reports/export-links";
import { RenameSavedListForm } from "@/components/reports/rename-saved-list-form";
import { ReportsBreadcrumb } from "@/components/reports/reports-breadcrumb";
import { SavedListSummary } from "@/components/reports/saved-list-summary";
import { SavedListTable } from "@/components/reports/saved-list-table";
import { Card } from "@/components/ui/card";
import { KeysetPagination } from "@/components/ui/keyset-pagination";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { xlsxTooManyRowsMessage } from "@/lib/reports/export-writers";
import { parseKeysetRequest } from "@/lib/pagination/keyset";
import { parseReportParams, reportQuery } from "@/lib/reports/filters";
import { savedListFormOptions } from "@/lib/reports/options";
import { findSavedListRows } from "@/lib/reports/saved-list-rows";
import { getSavedListOrThrow } from "@/lib/reports/saved-lists";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Another user's list, or a deleted one, is a 404. Metadata and page share one query.
const loadList = cache(async (id: string) => {
  const actor = await requirePermission("report:view");
  try {
    return { actor, list: await getSavedListOrThrow(actor, id) };
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { list } = await loadList((await params).id);
  return { title: list.name };
}

export default async function SavedListPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const { actor, list } = await loadList(id);
  // Only the paging of the URL applies: the filters are the list's own.
  const { perPage } = parseReportParams(query);
  const [result, options] = await Promise.all([
    findSavedListRows(actor, list, { perPage }, undefined, parseKeysetRequest(query)),
    savedListFormOptions(actor),
  ]);
  // Paged by keyset: the links carry a cursor, never a page number.
  const pagingQuery = reportQuery({ from: "", to: "", owner: "", partner: "", origin: "", type: "", page: 1, perPage });

  return (
    <>
      <PageHeader
        title={list.name}
        description={<SavedListSummary list={list} options={options} />}
        actions={
          <ExportLinks
            basePath={`/api/reports/listes/${list.id}`}
            xlsxNotice={result.totalIsLowerBound ? xlsxTooManyRowsMessage(result.total) : null}
          />
        }
      >
        <ReportsBreadcrumb trail={[{ href: "/rapports/listes", label: "Listes sur mesure" }]} />
      </PageHeader>
      <div className="flex flex-col gap-6">
        <SavedListTable
          columns={result.columns}
          rows={result.rows}
          total={result.total}
          totalIsLowerBound={result.totalIsLowerBound}
          perPage={result.perPage}
          pager={<KeysetPagination pathname={`/rapports/listes/${list.id}`} query={pagingQuery} page={result} />}
          query={pagingQuery}
          caption={`Liste « ${list.name} »`}
          tableId={`liste-${list.id}`}
        />
        <Card className="p-4">
          <RenameSavedListForm id={list.id} name={list.name} />
        </Card>
      </div>
    </>
  );
}
