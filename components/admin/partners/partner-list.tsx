"use client";

// « Partenaires »: one row per organisation with its users and prospects counts.
import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import { Badge } from "@/components/ui/badge";
import { DataTable, type SortDirection } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { ACCOUNTS_PER_PAGE_OPTIONS } from "@/lib/accounts/list-params";
import { formatSiren } from "@/lib/format";

export type PartnerListRow = {
  id: string;
  name: string;
  siren: string | null;
  city: string | null;
  active: boolean;
  _count: { users: number; prospects: number };
};

const column = createColumnHelper<PartnerListRow>();

const columns = [
  column.accessor("name", {
    header: "Organisation",
    meta: { card: "title" },
    cell: (info) => (
      <Link href={`/admin/partenaires/${info.row.original.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
        {info.getValue()}
      </Link>
    ),
  }),
  column.accessor("siren", {
    header: "SIREN",
    meta: { card: "fact" },
    enableSorting: false,
    cell: (info) => <span className="tabular-nums">{info.getValue() ? formatSiren(info.getValue()) : "—"}</span>,
  }),
  column.accessor("city", { header: "Ville", meta: { card: "fact" }, cell: (info) => info.getValue() ?? "—" }),
  column.accessor((row) => row._count.users, {
    id: "users",
    header: "Utilisateurs",
    meta: { align: "right" },
    enableSorting: false,
    cell: (info) => <span className="tabular-nums">{info.getValue()}</span>,
  }),
  column.accessor((row) => row._count.prospects, {
    id: "prospects",
    header: "Prospects",
    meta: { align: "right" },
    enableSorting: false,
    cell: (info) => <span className="tabular-nums">{info.getValue()}</span>,
  }),
  column.accessor("active", {
    id: "status",
    header: "État",
    meta: { card: "status", truncate: false },
    enableSorting: false,
    cell: (info) => (info.getValue() ? <Badge tone="success">Active</Badge> : <Badge tone="neutral">Désactivée</Badge>),
  }),
];

export function PartnerList({
  rows,
  total,
  page,
  perPage,
  sort,
  dir,
  query,
}: {
  rows: PartnerListRow[];
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
      caption="Organisations partenaires"
      tableId="admin-partenaires"
      rowHref={(row) => `/admin/partenaires/${row.id}`}
      countLabel={(n) => (n === 0 ? "Aucune organisation" : n === 1 ? "1 organisation" : `${n.toLocaleString("fr-FR")} organisations`)}
      emptyState={
        <EmptyState title="Aucune organisation ne correspond à ces critères." description="Modifiez la recherche ou le filtre, ou créez une organisation." />
      }
    />
  );
}
