"use client";

// The versions of an organisation's agreement, newest first: each applies from its date.
import { createColumnHelper } from "@tanstack/react-table";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatRateBps } from "@/lib/accounts/format";
import { formatCalendarDay } from "@/lib/format";

export type AgreementVersionRow = {
  id: string;
  startsOn: Date;
  directRateBps: number;
  networkRateBps: number;
  entitlementMonths: number | null;
  notes: string | null;
};

const column = createColumnHelper<AgreementVersionRow>();

const columns = [
  column.accessor("startsOn", {
    header: "À partir du",
    meta: { card: "title" },
    enableSorting: false,
    cell: (info) => <span className="tabular-nums">{formatCalendarDay(info.getValue())}</span>,
  }),
  column.accessor("directRateBps", {
    header: "Taux",
    meta: { card: "fact" },
    enableSorting: false,
    cell: (info) => <span className="tabular-nums">{formatRateBps(info.getValue())}</span>,
  }),
  column.accessor("networkRateBps", {
    header: "Taux réseau",
    meta: { card: "fact" },
    enableSorting: false,
    cell: (info) => <span className="tabular-nums">{formatRateBps(info.getValue())}</span>,
  }),
  column.accessor((v) => (v.entitlementMonths ? `${v.entitlementMonths} mois` : "Sans limite"), {
    id: "entitlement",
    header: "Durée des droits",
    enableSorting: false,
  }),
  column.accessor((v) => v.notes ?? "—", { id: "notes", header: "Notes", enableSorting: false }),
];

export function AgreementVersionList({ versions }: { versions: AgreementVersionRow[] }) {
  return (
    <DataTable
      columns={columns}
      data={versions}
      getRowId={(row) => row.id}
      total={versions.length}
      page={1}
      perPage={Math.max(1, versions.length)}
      perPageOptions={[Math.max(1, versions.length)]}
      sort="startsOn"
      dir="desc"
      query={{}}
      caption="Versions de la convention"
      showPagination={false}
      countLabel={(n) => (n === 0 ? "Aucune version" : n === 1 ? "1 version" : `${n.toLocaleString("fr-FR")} versions`)}
      emptyState={<EmptyState title="Aucune version de convention." description="Ajoutez la première ci-dessous." />}
    />
  );
}
