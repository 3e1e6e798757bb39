"use client";

// « Relevés »: every organisation's statements, newest month first (the server's order).
import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import { StatementStatusBadge } from "@/components/commissions/status-badge";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { monthOfColumn } from "@/lib/commissions/compute";
import { formatMonth } from "@/lib/commissions/labels";
import type { StatementRow } from "@/lib/commissions/queries";
import { formatEuros } from "@/lib/format";

const column = createColumnHelper<StatementRow>();

const columns = [
  column.accessor("periodMonth", {
    header: "Période",
    meta: { card: "title" },
    enableSorting: false,
    cell: (info) => (
      <Link href={`/admin/releves/${info.row.original.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
        {formatMonth(monthOfColumn(new Date(info.getValue())))}
        <span className="sr-only"> : {info.row.original.partner.name}</span>
      </Link>
    ),
  }),
  column.accessor((r) => r.partner.name, { id: "organisation", header: "Organisation", meta: { card: "fact" }, enableSorting: false }),
  column.accessor((r) => r.number ?? "—", { id: "number", header: "Numéro", enableSorting: false }),
  column.accessor("status", {
    header: "Statut",
    meta: { card: "status", truncate: false },
    enableSorting: false,
    cell: (info) => <StatementStatusBadge status={info.getValue()} />,
  }),
  column.accessor((r) => r._count.lines, {
    id: "lines",
    header: "Lignes",
    meta: { align: "right" },
    enableSorting: false,
    cell: (info) => <span className="tabular-nums">{info.getValue()}</span>,
  }),
  column.accessor("totalCents", {
    header: "Total",
    meta: { card: "fact", align: "right" },
    enableSorting: false,
    cell: (info) => <span className="tabular-nums">{formatEuros(info.getValue())}</span>,
  }),
];

export function StatementList({
  rows,
  total,
  page,
  perPage,
  perPageOptions,
  query,
}: {
  rows: StatementRow[];
  total: number;
  page: number;
  perPage: number;
  perPageOptions: readonly number[];
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
      perPageOptions={perPageOptions}
      sort="periodMonth"
      dir="desc"
      query={query}
      caption="Relevés de commissions"
      tableId="admin-releves"
      rowHref={(row) => `/admin/releves/${row.id}`}
      countLabel={(n) => (n === 0 ? "Aucun relevé" : n === 1 ? "1 relevé" : `${n.toLocaleString("fr-FR")} relevés`)}
      emptyState={<EmptyState title="Aucun relevé pour ces critères." />}
    />
  );
}
