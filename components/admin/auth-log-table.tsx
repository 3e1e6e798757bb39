"use client";

// « Journal de sécurité »: one row per authentication event, newest first. Events are not
// records of their own: rows do not open anything.
import { createColumnHelper } from "@tanstack/react-table";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { DataTable, type SortDirection } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { AUTH_EVENT_LABELS, type AuthEventKind } from "@/lib/accounts/labels";
import { ACCOUNTS_PER_PAGE_OPTIONS } from "@/lib/accounts/list-params";
import { describeUserAgent } from "@/lib/accounts/user-agent";
import { formatDateTime } from "@/lib/format";

export type AuthLogRow = {
  id: string;
  kind: string;
  email: string | null;
  ip: string | null;
  userAgent: string | null;
  createdAt: Date;
  user: { name: string; email: string } | null;
  actor: { name: string; email: string } | null;
};

// Failures and blocks stand out when scanning the log.
function kindTone(kind: string): BadgeTone {
  if (kind.includes("FAILED") || kind.includes("THROTTLED")) return "danger";
  return "neutral";
}

const column = createColumnHelper<AuthLogRow>();

const columns = [
  column.accessor("createdAt", {
    header: "Date",
    meta: { card: "title" },
    sortDescFirst: true,
    cell: (info) => <span className="tabular-nums">{formatDateTime(info.getValue())}</span>,
  }),
  column.accessor("kind", {
    header: "Événement",
    meta: { card: "status", truncate: false },
    enableSorting: false,
    cell: (info) => <Badge tone={kindTone(info.getValue())}>{AUTH_EVENT_LABELS[info.getValue() as AuthEventKind] ?? info.getValue()}</Badge>,
  }),
  column.accessor((e) => (e.user ? `${e.user.name} (${e.user.email})` : (e.email ?? "—")), {
    id: "account",
    header: "Compte",
    meta: { card: "fact" },
    enableSorting: false,
  }),
  column.accessor((e) => (e.actor && e.actor.email !== e.user?.email ? e.actor.name : "—"), { id: "actor", header: "Par", enableSorting: false }),
  column.accessor((e) => e.ip ?? "—", {
    id: "ip",
    header: "Adresse IP",
    meta: { card: "fact" },
    enableSorting: false,
    cell: (info) => <span className="tabular-nums">{info.getValue()}</span>,
  }),
  column.accessor((e) => (e.userAgent ? describeUserAgent(e.userAgent) : "—"), { id: "device", header: "Appareil", enableSorting: false }),
];

export function AuthLogTable({
  rows,
  total,
  page,
  perPage,
  sort,
  dir,
  query,
}: {
  rows: AuthLogRow[];
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
      caption="Journal de sécurité"
      tableId="journal-securite"
      countLabel={(n) => (n === 0 ? "Aucun événement" : n === 1 ? "1 événement" : `${n.toLocaleString("fr-FR")} événements`)}
      emptyState={<EmptyState title="Aucun événement ne correspond à ces critères." />}
    />
  );
}
