import type { Metadata } from "next";
import { ProspectFilters } from "@/components/prospects/prospect-filters";
import { ProspectTable } from "@/components/prospects/prospect-table";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { findProspects } from "@/lib/prospects/queries";
import { parseProspectListParams, prospectListQuery } from "@/lib/prospects/schemas";

export const metadata: Metadata = { title: "Prospects" };

export default async function ProspectsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireUser();
  const requested = parseProspectListParams(await searchParams);
  const result = await findProspects(actor, requested);
  // The page may have been clamped to the last one: links are built from what is shown.
  const params = { ...requested, page: result.page };
  const query = prospectListQuery(params);
  const internal = can(actor.role, "prospect:read:any");

  return (
    <>
      <PageHeader
        title="Prospects"
        description={internal ? "Tous les prospects et clients." : "Les prospects et clients que vous avez apportés."}
      />
      <ProspectFilters query={query} />
      <ProspectTable
        rows={result.rows}
        total={result.total}
        params={params}
        query={query}
        showPartner={internal}
        hasFilters={Boolean(params.q || params.status)}
      />
    </>
  );
}
