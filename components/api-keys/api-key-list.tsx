"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { RevokeApiKeyButton } from "@/components/api-keys/revoke-api-key-button";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import type { ApiKeyRow } from "@/lib/api-keys/manage";
import { formatDateTime } from "@/lib/format";

const column = createColumnHelper<ApiKeyRow>();

// Keys are few and listed whole, in the server's order (active first, newest first): no sorting,
// no pages, no record to open.
const columns = [
  column.accessor("name", {
    header: "Nom",
    meta: { card: "title" },
    enableSorting: false,
    cell: (info) => <span className="font-medium text-slate-900">{info.getValue()}</span>,
  }),
  column.accessor("prefix", {
    header: "Préfixe",
    meta: { card: "fact" },
    enableSorting: false,
    cell: (info) => <code className="font-mono text-xs text-slate-700">{info.getValue()}…</code>,
  }),
  column.accessor("createdAt", {
    header: "Créée le",
    meta: { card: "fact", truncate: false },
    enableSorting: false,
    cell: (info) => {
      const createdBy = info.row.original.createdBy;
      return (
        <span className="whitespace-nowrap tabular-nums text-slate-700">
          {formatDateTime(info.getValue())}
          {createdBy ? <span className="block text-xs text-slate-500">par {createdBy.name}</span> : null}
        </span>
      );
    },
  }),
  column.accessor("lastUsedAt", {
    header: "Dernière utilisation",
    enableSorting: false,
    cell: (info) => {
      const value = info.getValue();
      return <span className="tabular-nums text-slate-700">{value ? formatDateTime(value) : "Jamais"}</span>;
    },
  }),
  column.accessor("revokedAt", {
    id: "state",
    header: "État",
    meta: { card: "status", truncate: false },
    enableSorting: false,
    cell: (info) => {
      const revokedAt = info.getValue();
      return revokedAt ? <Badge tone="neutral">Révoquée le {formatDateTime(revokedAt)}</Badge> : <Badge tone="success">Active</Badge>;
    },
  }),
  column.display({
    id: "actions",
    header: () => <span className="sr-only">Actions</span>,
    meta: { label: "Actions", card: "action", truncate: false, align: "right" },
    cell: (info) => (info.row.original.revokedAt ? null : <RevokeApiKeyButton id={info.row.original.id} name={info.row.original.name} />),
  }),
];

export function ApiKeyList({ keys }: { keys: ApiKeyRow[] }) {
  return (
    <DataTable
      columns={columns}
      data={keys}
      getRowId={(row) => row.id}
      total={keys.length}
      page={1}
      perPage={Math.max(1, keys.length)}
      perPageOptions={[Math.max(1, keys.length)]}
      sort="createdAt"
      dir="desc"
      query={{}}
      caption="Clés d'API"
      tableId="cles-api"
      showPagination={false}
      countLabel={(n) => (n === 0 ? "Aucune clé" : n === 1 ? "1 clé" : `${n.toLocaleString("fr-FR")} clés`)}
      emptyState={<EmptyState title="Aucune clé d'API." description="Créez une clé pour que la plateforme de financement puisse appeler l'API factures." />}
    />
  );
}
