import type { Metadata } from "next";
import { AuthLogTable } from "@/components/admin/auth-log-table";
import { ListFilters, SearchField, SelectField } from "@/components/admin/list-filters";
import { Card } from "@/components/ui/card";
import { DateInput } from "@/components/ui/date-input";
import { Field } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { AUTH_EVENT_KINDS, AUTH_EVENT_LABELS } from "@/lib/accounts/labels";
import { authLogParamsSchema, listQuery, listState, parseSearchParams } from "@/lib/accounts/list-params";
import { findAuthEvents } from "@/lib/accounts/queries";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Journal de sécurité" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SecurityLogPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission("security-log:view");
  const params = parseSearchParams(authLogParamsSchema, await searchParams);
  const { rows, total, page, perPage } = await findAuthEvents(db, params);
  const keep = listState(params, "createdAt", "desc");
  const query = listQuery({ q: params.q, kind: params.kind, from: params.from ?? "", to: params.to ?? "", ...keep });
  return (
    <>
      <PageHeader title="Journal de sécurité" description="Connexions, échecs, mots de passe, double authentification, sessions et changements de comptes." />
      <Card className="mb-4 *:border-b-0">
        <ListFilters action="/admin/journal-securite" label="Filtrer le journal" keep={keep}>
          <SearchField id="journal-q" label="Utilisateur" defaultValue={params.q} placeholder="Nom ou e-mail" />
          <SelectField
            id="journal-type"
            name="kind"
            label="Événement"
            defaultValue={params.kind}
            options={[{ value: "", label: "Tous" }, ...AUTH_EVENT_KINDS.map((k) => ({ value: k, label: AUTH_EVENT_LABELS[k] }))]}
          />
          <Field id="journal-du" label="Du" className="sm:w-44">
            <DateInput id="journal-du" name="from" defaultValue={params.from} />
          </Field>
          <Field id="journal-au" label="Au" className="sm:w-44">
            <DateInput id="journal-au" name="to" defaultValue={params.to} />
          </Field>
        </ListFilters>
      </Card>
      <AuthLogTable rows={rows} total={total} page={page} perPage={perPage} sort={params.sort} dir={params.dir} query={query} />
    </>
  );
}
