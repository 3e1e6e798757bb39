"use client";

// The partner's own statements in « Mes commissions », newest first, each with its PDF once
// validated.
import { createColumnHelper } from "@tanstack/react-table";
import { StatementStatusBadge } from "@/components/commissions/status-badge";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatMonth } from "@/lib/commissions/labels";
import type { PartnerCommissions } from "@/lib/commissions/queries";
import { formatCalendarDay, formatEuros } from "@/lib/format";

type StatementRow = PartnerCommissions["statements"][number];

const column = createColumnHelper<StatementRow>();

const columns = [
  column.accessor("month", {
    header: "Période",
    meta: { card: "title", truncate: false },
    enableSorting: false,
    cell: (info) => (
      <span className="block">
        <span className="block font-medium text-slate-900">{formatMonth(info.getValue())}</span>
        {info.row.original.adjustments.map((a, i) => (
          <span key={i} className="block max-w-[22rem] text-xs break-words whitespace-normal text-slate-500">
            Ajustement {formatEuros(a.amountCents)}
            {a.reason ? ` : ${a.reason}` : ""}
          </span>
        ))}
      </span>
    ),
  }),
  column.accessor((s) => s.number ?? "—", { id: "number", header: "Numéro", meta: { card: "fact" }, enableSorting: false }),
  column.accessor("status", {
    header: "Statut",
    meta: { card: "status", truncate: false },
    enableSorting: false,
    cell: (info) => (
      <span className="flex flex-col items-start gap-0.5">
        <StatementStatusBadge status={info.getValue()} />
        {info.row.original.paidOn ? <span className="text-xs text-slate-500">le {formatCalendarDay(info.row.original.paidOn)}</span> : null}
      </span>
    ),
  }),
  column.accessor("totalCents", {
    header: "Total",
    meta: { card: "fact", align: "right" },
    enableSorting: false,
    cell: (info) => <span className="tabular-nums">{formatEuros(info.getValue())}</span>,
  }),
  column.display({
    id: "document",
    header: "Document",
    meta: { card: "action", truncate: false },
    cell: (info) => {
      const s = info.row.original;
      return s.status === "DRAFT" ? (
        <span className="text-slate-500">En préparation</span>
      ) : (
        <a href={`/api/commissions/statements/${s.id}/pdf`} className="font-medium text-brand-700 hover:underline">
          Télécharger le PDF<span className="sr-only"> du relevé {s.number}</span>
        </a>
      );
    },
  }),
];

export function PartnerStatementList({ statements }: { statements: StatementRow[] }) {
  return (
    <DataTable
      columns={columns}
      data={statements}
      getRowId={(row) => row.id}
      total={statements.length}
      page={1}
      perPage={Math.max(1, statements.length)}
      perPageOptions={[Math.max(1, statements.length)]}
      sort="month"
      dir="desc"
      query={{}}
      caption="Relevés de commissions"
      showPagination={false}
      countLabel={(n) => (n === 0 ? "Aucun relevé" : n === 1 ? "1 relevé" : `${n.toLocaleString("fr-FR")} relevés`)}
      emptyState={<EmptyState title="Aucun relevé pour l'instant." description="Un relevé est établi chaque début de mois pour le mois précédent." />}
    />
  );
}
