"use client";

// « Par client (12 derniers mois) » of « Mes commissions »: volume financed and commissions per
// client, the network's clients under the partner who introduced them.
import { createColumnHelper } from "@tanstack/react-table";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { TruncatedText } from "@/components/ui/truncated-text";
import type { PartnerCommissions } from "@/lib/commissions/queries";
import { formatEuros } from "@/lib/format";

type ClientRow = PartnerCommissions["clients"][number];

const column = createColumnHelper<ClientRow>();

const columns = [
  column.accessor("name", {
    header: "Client",
    meta: { card: "title", truncate: false },
    enableSorting: false,
    cell: (info) => (
      <span className="block max-w-[22rem]">
        <TruncatedText>{info.getValue()}</TruncatedText>
        {info.row.original.introducedBy ? (
          <TruncatedText className="text-xs text-slate-500">Réseau de {info.row.original.introducedBy}</TruncatedText>
        ) : null}
      </span>
    ),
  }),
  column.accessor("financedCents", {
    header: "Volume financé",
    meta: { card: "fact", align: "right" },
    enableSorting: false,
    cell: (info) => <span className="tabular-nums">{formatEuros(info.getValue())}</span>,
  }),
  column.accessor("amountCents", {
    header: "Commissions",
    meta: { card: "fact", align: "right" },
    enableSorting: false,
    cell: (info) => <span className="tabular-nums">{formatEuros(info.getValue())}</span>,
  }),
];

export function ClientCommissionsTable({ clients }: { clients: ClientRow[] }) {
  return (
    <DataTable
      columns={columns}
      data={clients}
      getRowId={(row) => `${row.clientId}-${row.introducedBy ?? ""}`}
      total={clients.length}
      page={1}
      perPage={Math.max(1, clients.length)}
      perPageOptions={[Math.max(1, clients.length)]}
      sort="amountCents"
      dir="desc"
      query={{}}
      caption="Commissions par client"
      showPagination={false}
      countLabel={(n) => (n === 0 ? "Aucun client" : n === 1 ? "1 client" : `${n.toLocaleString("fr-FR")} clients`)}
      emptyState={
        <EmptyState title="Aucune commission sur cette période." description="Les commissions apparaissent dès qu'une facture d'un de vos clients est financée." />
      }
    />
  );
}
