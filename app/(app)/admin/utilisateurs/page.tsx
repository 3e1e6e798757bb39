import type { Metadata } from "next";
import Link from "next/link";
import { ListFilters, SearchField, SelectField } from "@/components/admin/list-filters";
import { UserList } from "@/components/admin/users/user-list";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listQuery, listState, parseSearchParams, userListParamsSchema } from "@/lib/accounts/list-params";
import { findUsers, listPartnerOptions } from "@/lib/accounts/queries";
import { can, ROLE_LABELS } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { Role } from "@/lib/generated/prisma/enums";

export const metadata: Metadata = { title: "Utilisateurs" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePermission("user:manage:partner");
  const params = parseSearchParams(userListParamsSchema, await searchParams);
  const [{ rows, total, page, perPage }, partners] = await Promise.all([findUsers(db, actor, params), listPartnerOptions(db)]);
  const keep = listState(params, "name", "asc");
  const query = listQuery({ q: params.q, role: params.role, partnerId: params.partnerId, status: params.status === "all" ? "" : params.status, lastSignIn: params.lastSignIn, ...keep });
  const isAdmin = can(actor.role, "user:manage");
  return (
    <>
      <PageHeader
        title="Utilisateurs"
        description={isAdmin ? `${total} compte${total > 1 ? "s" : ""}` : `${total} compte${total > 1 ? "s" : ""} partenaire${total > 1 ? "s" : ""}`}
        actions={
          <Link href="/admin/utilisateurs/nouveau" className={buttonClasses("primary", "md")}>
            Inviter un utilisateur
          </Link>
        }
      />
      <Card className="mb-4 *:border-b-0">
        <ListFilters action="/admin/utilisateurs" label="Filtrer les utilisateurs" keep={keep}>
          <SearchField id="utilisateurs-q" label="Recherche" defaultValue={params.q} placeholder="Nom ou e-mail" />
          {isAdmin ? (
            <SelectField
              id="utilisateurs-role"
              name="role"
              label="Rôle"
              defaultValue={params.role}
              options={[{ value: "", label: "Tous" }, ...Object.values(Role).map((r) => ({ value: r, label: ROLE_LABELS[r] }))]}
            />
          ) : null}
          <SelectField
            id="utilisateurs-organisation"
            name="partnerId"
            label="Organisation"
            defaultValue={params.partnerId}
            options={[{ value: "", label: "Toutes" }, ...partners.map((p) => ({ value: p.id, label: p.name }))]}
          />
          <SelectField
            id="utilisateurs-etat"
            name="status"
            label="État"
            defaultValue={params.status}
            options={[
              { value: "all", label: "Tous" },
              { value: "active", label: "Actifs" },
              { value: "invited", label: "Invitation envoyée" },
              { value: "inactive", label: "Désactivés" },
            ]}
          />
          <SelectField
            id="utilisateurs-connexion"
            name="lastSignIn"
            label="Dernière connexion"
            defaultValue={params.lastSignIn}
            options={[
              { value: "", label: "Peu importe" },
              { value: "recent", label: "Moins de 30 jours" },
              { value: "old", label: "Plus de 30 jours" },
              { value: "never", label: "Jamais" },
            ]}
          />
        </ListFilters>
      </Card>
      <UserList rows={rows} total={total} page={page} perPage={perPage} sort={params.sort} dir={params.dir} query={query} />
    </>
  );
}
