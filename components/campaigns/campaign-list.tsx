"use client";

import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClasses } from "@/components/ui/button";
import { CAMPAIGN_STATUS_LABELS, CAMPAIGN_STATUS_TONES } from "@/lib/campaigns/labels";
import type { CampaignListRow } from "@/lib/campaigns/queries";
import { formatDateTime } from "@/lib/format";

const column = createColumnHelper<CampaignListRow>();
const number = (value: number, danger = false) => (
  <span className={`block text-right tabular-nums ${danger && value > 0 ? "font-semibold text-red-700" : ""}`}>{value}</span>
);

const columns = [
  column.accessor("name", {
    header: "Campagne",
    enableSorting: false,
    meta: { card: "title" },
    cell: (info) => (
      <Link href={`/campagnes/${info.row.original.id}`} className="font-medium text-brand-700 hover:underline">
        {info.getValue()}
      </Link>
    ),
  }),
  column.accessor("createdByName", {
    header: "Créée par",
    enableSorting: false,
    meta: { card: "fact" },
    cell: (info) => info.getValue() ?? "—",
  }),
  column.accessor("status", {
    header: "Statut",
    enableSorting: false,
    meta: { card: "status", truncate: false },
    cell: (info) => <Badge tone={CAMPAIGN_STATUS_TONES[info.getValue()]}>{CAMPAIGN_STATUS_LABELS[info.getValue()]}</Badge>,
  }),
  column.accessor("createdAt", {
    header: "Créée le",
    enableSorting: false,
    meta: { card: "fact" },
    cell: (info) => <span className="tabular-nums">{formatDateTime(info.getValue())}</span>,
  }),
  column.accessor((row) => row.progress.pending, { id: "pending", header: "En attente", enableSorting: false, meta: { align: "right" }, cell: (info) => number(info.getValue()) }),
  column.accessor((row) => row.progress.sent, { id: "sent", header: "Envoyés", enableSorting: false, meta: { align: "right" }, cell: (info) => number(info.getValue()) }),
  column.accessor((row) => row.progress.failed, {
    id: "failed",
    header: "Échecs",
    enableSorting: false,
    meta: { align: "right" },
    cell: (info) => number(info.getValue(), true),
  }),
];

// Every campaign on one page (a team writes a few a month): the shared table without pagination.
export function CampaignList({ rows }: { rows: CampaignListRow[] }) {
  if (rows.length === 0) {
    return (
      <Card>
        <EmptyState
          title="Aucune campagne pour l'instant."
          description="Une campagne envoie le même e-mail, personnalisé, à chaque fiche choisie par les filtres de la liste des prospects."
          action={
            <Link href="/campagnes/nouvelle" className={buttonClasses("primary", "md")}>
              Nouvelle campagne
            </Link>
          }
        />
      </Card>
    );
  }
  return (
    <DataTable
      columns={columns}
      data={rows}
      getRowId={(row) => row.id}
      total={rows.length}
      page={1}
      perPage={Math.max(rows.length, 1)}
      perPageOptions={[Math.max(rows.length, 1)]}
      sort="createdAt"
      dir="desc"
      query={{}}
      caption="Liste des campagnes"
      tableId="campagnes"
      rowHref={(row) => `/campagnes/${row.id}`}
      showPagination={false}
      countLabel={(n) => (n === 1 ? "1 campagne" : `${n.toLocaleString("fr-FR")} campagnes`)}
      emptyState={null}
    />
  );
}
