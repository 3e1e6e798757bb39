"use client";

// The lines of a commission statement or month, one per financed (or reversed) invoice: the
// same table for the admin's statement and the partner's « Mes commissions ».
import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { TruncatedText } from "@/components/ui/truncated-text";
import { COMMISSION_KIND_LABELS } from "@/lib/commissions/labels";
import { formatCommissionRate } from "@/lib/connections/labels";
import { formatDate, formatEuros } from "@/lib/format";

export type CommissionLineRow = {
  id: string;
  occurredAt: Date;
  clientName: string;
  // The client's file, for the staff; partners see the name only.
  clientHref?: string | null;
  introducedBy: string | null;
  invoiceNumber: string;
  supplierName: string;
  type: "EARNING" | "REVERSAL";
  kind: "DIRECT" | "NETWORK";
  baseCents: number;
  rateBps: number;
  amountCents: number;
};

const column = createColumnHelper<CommissionLineRow>();

const columns = [
  column.accessor("clientName", {
    header: "Client",
    meta: { card: "title", truncate: false },
    enableSorting: false,
    cell: (info) => {
      const { clientHref, introducedBy } = info.row.original;
      return (
        <span className="block max-w-[22rem]">
          <TruncatedText>
            {clientHref ? (
              <Link href={clientHref} className="font-medium text-brand-700 hover:underline">
                {info.getValue()}
              </Link>
            ) : (
              info.getValue()
            )}
          </TruncatedText>
          {introducedBy ? <TruncatedText className="text-xs text-slate-500">Réseau de {introducedBy}</TruncatedText> : null}
        </span>
      );
    },
  }),
  column.accessor("occurredAt", {
    header: "Date",
    meta: { card: "fact" },
    enableSorting: false,
    cell: (info) => <span className="tabular-nums">{formatDate(info.getValue())}</span>,
  }),
  column.accessor("invoiceNumber", {
    header: "Facture",
    meta: { card: "fact", truncate: false },
    enableSorting: false,
    cell: (info) => {
      const { supplierName, type } = info.row.original;
      return (
        <span className="block max-w-[16rem]">
          <TruncatedText>{info.getValue()}</TruncatedText>
          <TruncatedText className="text-xs text-slate-500">{supplierName}</TruncatedText>
          {type === "REVERSAL" ? <span className="block text-xs text-red-700">Annulation (facture rejetée)</span> : null}
        </span>
      );
    },
  }),
  column.accessor("kind", {
    header: "Type",
    enableSorting: false,
    cell: (info) => COMMISSION_KIND_LABELS[info.getValue()],
  }),
  column.accessor("baseCents", {
    header: "Montant financé",
    meta: { align: "right" },
    enableSorting: false,
    cell: (info) => <span className="tabular-nums">{formatEuros(info.getValue())}</span>,
  }),
  column.accessor("rateBps", {
    header: "Taux",
    meta: { align: "right" },
    enableSorting: false,
    cell: (info) => <span className="tabular-nums">{formatCommissionRate(info.getValue())}</span>,
  }),
  column.accessor("amountCents", {
    header: "Commission",
    meta: { card: "status", align: "right" },
    enableSorting: false,
    cell: (info) => <span className="font-medium tabular-nums text-slate-900">{formatEuros(info.getValue())}</span>,
  }),
];

export function CommissionLinesTable({ lines, caption, emptyTitle }: { lines: CommissionLineRow[]; caption: string; emptyTitle: string }) {
  return (
    <DataTable
      columns={columns}
      data={lines}
      getRowId={(row) => row.id}
      total={lines.length}
      page={1}
      perPage={Math.max(1, lines.length)}
      perPageOptions={[Math.max(1, lines.length)]}
      sort="occurredAt"
      dir="asc"
      query={{}}
      caption={caption}
      tableId="lignes-commissions"
      showPagination={false}
      countLabel={(n) => (n === 0 ? "Aucune ligne" : n === 1 ? "1 ligne" : `${n.toLocaleString("fr-FR")} lignes`)}
      emptyState={<EmptyState title={emptyTitle} />}
    />
  );
}
