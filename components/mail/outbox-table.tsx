"use client";

import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/lib/format";
import { OUTBOX_STATUS_LABELS, OUTBOX_STATUS_TONES, sendingDuration } from "@/lib/mail/labels";
import type { OutboxListRow } from "@/lib/mail/queries";
import { OUTBOX_PER_PAGE_OPTIONS, type OutboxListParams } from "@/lib/mail/schemas";

const column = createColumnHelper<OutboxListRow>();

const columns = [
  column.accessor("subject", {
    header: "Sujet",
    meta: { card: "title" },
    enableSorting: false,
    cell: (info) => (
      <Link
        href={`/admin/outbox/${info.row.original.id}`}
        className="font-medium text-brand-700 underline-offset-2 hover:underline"
      >
        {info.getValue()}
      </Link>
    ),
  }),
  column.accessor("status", {
    header: "Statut",
    meta: { card: "status", truncate: false },
    cell: (info) => {
      const { status, lastAttemptAt } = info.row.original;
      return (
        <span className="flex flex-col items-start gap-1">
          <Badge tone={OUTBOX_STATUS_TONES[status]}>{OUTBOX_STATUS_LABELS[status]}</Badge>
          {status === "SENDING" && lastAttemptAt ? (
            <span suppressHydrationWarning className="text-xs tabular-nums text-slate-600">depuis {sendingDuration(new Date(lastAttemptAt))}</span>
          ) : null}
        </span>
      );
    },
  }),
  column.accessor("toAddresses", {
    header: "Destinataires",
    meta: { card: "fact" },
    enableSorting: false,
    cell: (info) => info.getValue().join(", "),
  }),
  column.accessor("createdAt", {
    header: "Créé le",
    meta: { card: "fact" },
    sortDescFirst: true,
    cell: (info) => <span className="tabular-nums">{formatDateTime(info.getValue())}</span>,
  }),
  column.accessor("sentAt", {
    header: "Envoyé le",
    sortDescFirst: true,
    cell: (info) => {
      const value = info.getValue();
      return <span className="tabular-nums">{value ? formatDateTime(value) : "—"}</span>;
    },
  }),
  column.accessor("attempts", {
    header: "Tentatives",
    sortDescFirst: true,
    cell: (info) => <span className="tabular-nums">{info.getValue()}</span>,
  }),
  column.accessor("lastError", {
    header: "Dernière erreur",
    enableSorting: false,
    cell: (info) => {
      const value = info.getValue();
      return value ? (
<span className="text-red-700">{value}</span>
      ) : (
        "—"
      );
    },
  }),
];

export function OutboxTable({
  rows,
  total,
  params,
  query,
}: {
  rows: OutboxListRow[];
  total: number;
  params: OutboxListParams;
  query: Record<string, string>;
}) {
  return (
    <DataTable
      columns={columns}
      data={rows}
      getRowId={(row) => row.id}
      total={total}
      page={params.page}
      perPage={params.perPage}
      perPageOptions={OUTBOX_PER_PAGE_OPTIONS}
      sort={params.sort}
      dir={params.dir}
      query={query}
      caption="Messages de la boîte d'envoi"
      tableId="boite-envoi"
      rowHref={(row) => `/admin/outbox/${row.id}`}
      countLabel={(n) => (n === 0 ? "Aucun message" : n === 1 ? "1 message" : `${n.toLocaleString("fr-FR")} messages`)}
      emptyState={
        <EmptyState
          title={params.status ? "Aucun message avec ce statut." : "Aucun e-mail n'a encore été envoyé."}
          description="Les e-mails du CRM (alertes, liens d'accès des clients…) apparaissent ici dès qu'ils sont créés."
        />
      }
    />
  );
}
