"use client";

// « Utilisateurs »: one row per account; the name opens it.
import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import { Badge } from "@/components/ui/badge";
import { DataTable, type SortDirection } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { ACCOUNTS_PER_PAGE_OPTIONS } from "@/lib/accounts/list-params";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/format";
import type { Role } from "@/lib/generated/prisma/enums";

export type UserListRow = {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  invited: boolean;
  lastLoginAt: Date | null;
  totpEnabledAt: Date | null;
  partner: { id: string; name: string } | null;
};

export function UserStatusBadge({ active, invited }: { active: boolean; invited: boolean }) {
  if (!active) return <Badge tone="neutral">Désactivé</Badge>;
  if (invited) return <Badge tone="warning">Invitation envoyée</Badge>;
  return <Badge tone="success">Actif</Badge>;
}

const column = createColumnHelper<UserListRow>();

const columns = [
  column.accessor("name", {
    header: "Nom",
    meta: { card: "title" },
    cell: (info) => (
      <Link href={`/admin/utilisateurs/${info.row.original.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
        {info.getValue()}
      </Link>
    ),
  }),
  column.accessor("email", { header: "E-mail", meta: { card: "fact" } }),
  column.accessor("role", { header: "Rôle", meta: { card: "fact" }, enableSorting: false, cell: (info) => ROLE_LABELS[info.getValue()] }),
  column.accessor((row) => row.partner?.name ?? "—", { id: "organisation", header: "Organisation", enableSorting: false }),
  column.accessor("active", {
    id: "status",
    header: "État",
    meta: { card: "status", truncate: false },
    enableSorting: false,
    cell: (info) => <UserStatusBadge active={info.row.original.active} invited={info.row.original.invited} />,
  }),
  column.accessor("lastLoginAt", {
    header: "Dernière connexion",
    sortDescFirst: true,
    cell: (info) => {
      const value = info.getValue();
      return <span className="tabular-nums">{value ? formatDateTime(value) : "Jamais"}</span>;
    },
  }),
];

export function UserList({
  rows,
  total,
  page,
  perPage,
  sort,
  dir,
  query,
}: {
  rows: UserListRow[];
  total: number;
  page: number;
  perPage: number;
  sort: string;
  dir: SortDirection;
  query: Record<string, string>;
}) {
  return (
    <DataTable
      columns={columns}
      data={rows}
      getRowId={(row) => row.id}
      total={total}
      page={page}
      perPage={perPage}
      perPageOptions={ACCOUNTS_PER_PAGE_OPTIONS}
      sort={sort}
      dir={dir}
      query={query}
      caption="Utilisateurs"
      tableId="admin-utilisateurs"
      rowHref={(row) => `/admin/utilisateurs/${row.id}`}
      countLabel={(n) => (n === 0 ? "Aucun compte" : n === 1 ? "1 compte" : `${n.toLocaleString("fr-FR")} comptes`)}
      emptyState={<EmptyState title="Aucun utilisateur ne correspond à ces critères." description="Modifiez la recherche ou les filtres." />}
    />
  );
}
