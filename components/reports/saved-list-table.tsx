"use client";

import type { ReactNode } from "react";
import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCalendarDay, formatDateTime } from "@/lib/format";
import { isCalendarDay, type ExportValue } from "@/lib/reports/export-values";
import { REPORT_PER_PAGE_OPTIONS } from "@/lib/reports/filters";
import type { ListColumn } from "@/lib/reports/list-columns";
import type { SavedListRow } from "@/lib/reports/saved-list-rows";

const euros = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });
const numbers = new Intl.NumberFormat("fr-FR");

function display(value: ExportValue, kind: ListColumn["kind"]): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "Oui" : "Non";
  if (typeof value === "number") return kind === "money" ? euros.format(value) : numbers.format(value);
  if (value instanceof Date) return formatDateTime(value);
  if (isCalendarDay(value)) return formatCalendarDay(value.day);
  return value;
}

const column = createColumnHelper<SavedListRow>();

export function SavedListTable({
  columns,
  rows,
  total,
  totalIsLowerBound,
  perPage,
  query,
  caption,
  tableId,
  pager,
}: {
  columns: ListColumn[];
  rows: SavedListRow[];
  total: number;
  totalIsLowerBound: boolean;
  perPage: number;
  pager: ReactNode;
  query: Record<string, string>;
  caption: string;
  tableId?: string;
}) {
  const defs = columns.map((c, index) =>
    column.accessor((row) => row.cells[index], {
      id: c.key,
      header: c.label,
      enableSorting: false,
      meta: {
        card: index === 0 ? ("title" as const) : index <= 2 ? ("fact" as const) : undefined,
        align: c.kind === "money" || c.kind === "number" ? ("right" as const) : undefined,
      },
      cell: (info) => {
        const text = display(info.getValue(), c.kind);
        const aligned = c.kind === "money" || c.kind === "number" ? "block text-right tabular-nums" : undefined;
        // The first column opens the record.
        return index === 0 ? (
          <Link href={info.row.original.href} className="font-medium text-brand-700 underline-offset-2 hover:underline">
            {text}
          </Link>
        ) : (
          <span className={aligned}>{text}</span>
        );
      },
    }),
  );
  return (
    <DataTable
      columns={defs}
      data={rows}
      getRowId={(row) => row.id}
      total={total}
      page={1}
      perPage={perPage}
      pager={pager}
      perPageOptions={REPORT_PER_PAGE_OPTIONS}
      sort="none"
      dir="asc"
      query={query}
      caption={caption}
      tableId={tableId}
      rowHref={(row) => row.href}
      countLabel={(n) =>
        totalIsLowerBound
          ? `Plus de ${n.toLocaleString("fr-FR")} lignes`
          : n === 0
            ? "Aucune ligne"
            : n === 1
              ? "1 ligne"
              : `${n.toLocaleString("fr-FR")} lignes`
      }
      emptyState={<EmptyState title="Aucune ligne ne correspond aux filtres de cette liste." />}
    />
  );
}
