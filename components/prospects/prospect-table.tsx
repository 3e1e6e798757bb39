"use client";

import type { ReactNode } from "react";
import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate, formatSiren } from "@/lib/format";
import {
  PROSPECT_STAGE_LABELS,
  PROSPECT_STAGE_TONES,
  PROSPECT_STATUS_LABELS,
  PROSPECT_STATUS_TONES,
} from "@/lib/prospects/labels";
import type { ProspectListRow } from "@/lib/prospects/queries";
import { PROSPECT_PER_PAGE_OPTIONS, type ProspectListParams } from "@/lib/prospects/schemas";

const column = createColumnHelper<ProspectListRow>();

const columns = [
  column.accessor("name", {
    header: "Nom",
    meta: { card: "title" },
    cell: (info) => (
      <Link href={`/prospects/${info.row.original.id}`} className="cell-link font-medium">
        {info.getValue()}
      </Link>
    ),
  }),
  column.accessor("siren", {
    header: "SIREN",
    cell: (info) => <span className="tabular-nums">{formatSiren(info.getValue()) || "—"}</span>,
  }),
  column.accessor("city", { header: "Ville", meta: { card: "fact" }, cell: (info) => info.getValue() || "—" }),
  column.accessor("status", {
    header: "Statut",
    meta: { card: "status", truncate: false },
    cell: (info) => (
      <Badge tone={PROSPECT_STATUS_TONES[info.getValue()]}>{PROSPECT_STATUS_LABELS[info.getValue()]}</Badge>
    ),
  }),
  column.accessor("stage", {
    header: "Étape",
    meta: { card: "status", truncate: false },
    cell: (info) => (
      <Badge tone={PROSPECT_STAGE_TONES[info.getValue()]}>{PROSPECT_STAGE_LABELS[info.getValue()]}</Badge>
    ),
  }),
  column.accessor((row) => row.partner?.name ?? null, {
    id: "partner",
    header: "Partenaire",
    cell: (info) => info.getValue() ?? "—",
  }),
  column.accessor("createdAt", {
    header: "Créé le",
    sortDescFirst: true,
    meta: { card: "fact" },
    cell: (info) => <span className="tabular-nums">{formatDate(info.getValue())}</span>,
  }),
];

export function ProspectTable({
  rows,
  total,
  params,
  query,
  showPartner,
  hasFilters,
  totalIsLowerBound = false,
  pager,
}: {
  rows: ProspectListRow[];
  total: number;
  totalIsLowerBound?: boolean;
  pager?: ReactNode;
  params: ProspectListParams;
  query: Record<string, string>;
  showPartner: boolean;
  hasFilters: boolean;
}) {
  return (
    <DataTable
      columns={columns}
      data={rows}
      getRowId={(row) => row.id}
      total={total}
      page={params.page}
      perPage={params.perPage}
      perPageOptions={PROSPECT_PER_PAGE_OPTIONS}
      sort={params.sort}
      dir={params.dir}
      query={query}
      caption="Liste des prospects"
      tableId="prospects"
      rowHref={(row) => `/prospects/${row.id}`}
      countLabel={(n) =>
        totalIsLowerBound
          ? `Plus de ${n.toLocaleString("fr-FR")} prospects`
          : n === 0
            ? "Aucun prospect"
            : n === 1
              ? "1 prospect"
              : `${n.toLocaleString("fr-FR")} prospects`
      }
      pager={pager}
      columnVisibility={{ partner: showPartner }}
      emptyState={
        hasFilters ? (
          <EmptyState
            title="Aucun prospect ne correspond à votre recherche."
            description="Modifiez les critères ou réinitialisez les filtres."
            action={
              <Link href="/prospects" className="text-sm font-medium text-brand-700 hover:underline">
                Réinitialiser les filtres
              </Link>
            }
          />
        ) : (
          <EmptyState title="Aucun prospect pour le moment." />
        )
      }
    />
  );
}
