import type { Metadata } from "next";
import Link from "next/link";
import { ListFilters, SearchField, SelectField } from "@/components/admin/list-filters";
import { PartnerList } from "@/components/admin/partners/partner-list";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listQuery, listState, parseSearchParams, partnerListParamsSchema } from "@/lib/accounts/list-params";
import { findPartners } from "@/lib/accounts/queries";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Partenaires" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function PartnersPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission("partner:manage");
  const params = parseSearchParams(partnerListParamsSchema, await searchParams);
  const { rows, total, page, perPage } = await findPartners(db, params);
  const keep = listState(params, "name", "asc");
  const query = listQuery({ q: params.q, status: params.status === "active" ? "" : params.status, ...keep });
  return (
    <>
      <PageHeader
        title="Partenaires"
        description={`${total} organisation${total > 1 ? "s" : ""}`}
        actions={
          <Link href="/admin/partenaires/nouveau" className={buttonClasses("primary", "md")}>
            Nouvelle organisation
          </Link>
        }
      />
      <Card className="mb-4 *:border-b-0">
        <ListFilters action="/admin/partenaires" label="Filtrer les organisations" keep={keep}>
          <SearchField id="partenaires-q" label="Recherche" defaultValue={params.q} placeholder="Nom, SIREN, ville" />
          <SelectField
            id="partenaires-etat"
            name="status"
            label="État"
            defaultValue={params.status}
            options={[
              { value: "active", label: "Actives" },
              { value: "inactive", label: "Désactivées" },
              { value: "all", label: "Toutes" },
            ]}
          />
        </ListFilters>
      </Card>
      <PartnerList rows={rows} total={total} page={page} perPage={perPage} sort={params.sort} dir={params.dir} query={query} />
    </>
  );
}
