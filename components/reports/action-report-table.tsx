"use client";

import type { ReactNode } from "react";
import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { TypeLabel } from "@/components/ui/type-dot";
import { formatDateTime } from "@/lib/format";
import type { ActionReportKind, ActionReportRow } from "@/lib/reports/action-reports";
import { REPORT_PER_PAGE_OPTIONS } from "@/lib/reports/filters";
import { GLOSSARY } from "@/lib/labels/glossary";

const column = createColumnHelper<ActionReportRow>();
const linkClasses = "font-medium text-brand-700 underline-offset-2 hover:underline";

function columnsFor(kind: ActionReportKind) {
  return [
    column.accessor("subject", {
      header: "Objet",
      meta: { card: "title" },
      enableSorting: false,
      cell: (info) => (
        <Link href={`/actions/${info.row.original.id}`} className={linkClasses}>
          {info.getValue()}
        </Link>
      ),
    }),
    column.accessor((row) => (kind === "done" ? row.doneAt : row.dueAt), {
      id: "date",
      header: kind === "done" ? "Faite le" : "Échéance",
      meta: { card: "fact" },
      enableSorting: false,
      cell: (info) => {
        const value = info.getValue();
        return <span className="tabular-nums">{value ? formatDateTime(value) : "—"}</span>;
      },
    }),
    column.accessor((row) => row.type.name, {
      id: "type",
      header: "Type",
      meta: { card: "status" },
      enableSorting: false,
      cell: (info) => <TypeLabel name={info.getValue()} color={info.row.original.type.color} />,
    }),
    column.accessor((row) => row.prospect.name, {
      id: "prospect",
      header: "Prospect",
      meta: { card: "fact" },
      enableSorting: false,
      cell: (info) => (
        <Link href={`/prospects/${info.row.original.prospect.id}`} className={linkClasses}>
          {info.getValue()}
        </Link>
      ),
    }),
    column.accessor((row) => row.assignee?.name ?? null, {
      id: "assignee",
      header: GLOSSARY.responsible,
      enableSorting: false,
      cell: (info) => info.getValue() ?? "—",
    }),
    column.accessor("outcome", {
      header: "Résultat",
      enableSorting: false,
      cell: (info) => <span className="whitespace-normal">{info.getValue() || "—"}</span>,
    }),
  ];
}

export function ActionReportTable({
  kind,
  rows,
  total,
  perPage,
  query,
  filtered,
  pager,
}: {
  kind: ActionReportKind;
  rows: ActionReportRow[];
  total: number;
  perPage: number;
  pager: ReactNode;
  query: Record<string, string>;
  filtered: boolean;
}) {
  const noun = kind === "done" ? "action faite" : "action non faite";
  const plural = kind === "done" ? "actions faites" : "actions non faites";
  return (
    <DataTable
      columns={columnsFor(kind)}
      data={rows}
      getRowId={(row) => row.id}
      total={total}
      page={1}
      perPage={perPage}
      perPageOptions={REPORT_PER_PAGE_OPTIONS}
      sort="date"
      dir={kind === "done" ? "desc" : "asc"}
      query={query}
      caption={kind === "done" ? "Liste des actions faites" : "Liste des actions non faites"}
      tableId={kind === "done" ? "rapport-actions-faites" : "rapport-actions-non-faites"}
      rowHref={(row) => `/actions/${row.id}`}
      countLabel={(n) => (n === 0 ? `Aucune ${noun}` : n === 1 ? `1 ${noun}` : `${n.toLocaleString("fr-FR")} ${plural}`)}
      columnVisibility={{ outcome: kind === "done" }}
      pager={pager}
      emptyState={
        <EmptyState
          title={filtered ? `Aucune ${noun} ne correspond à ces filtres.` : `Aucune ${noun} pour le moment.`}
          description={filtered ? "Élargissez la période ou retirez des filtres." : undefined}
        />
      }
    />
  );
}
