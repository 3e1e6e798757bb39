"use client";

import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import { Badge } from "@/components/ui/badge";
import { pendingCorrectionsBadge } from "@/lib/corrections/fields";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/lib/format";
import { ONBOARDING_STATE_LABELS, ONBOARDING_STATE_TONES } from "@/lib/onboarding/labels";
import type { TriageRow } from "@/lib/onboarding/triage-queries";
import { TRIAGE_PER_PAGE_OPTIONS, type TriageListParams } from "@/lib/onboarding/triage-schemas";
import { PROSPECT_STAGE_LABELS, PROSPECT_STAGE_TONES } from "@/lib/prospects/labels";
import { TriageContext, TriageRowActions, type Rep } from "@/components/onboarding/triage-row-actions";

const column = createColumnHelper<TriageRow>();

// Module-level, so each cell keeps its identity across refreshes (TanStack renders a cell
// function as a component: a new function would remount the row's actions and lose their state).
const columns = [
  column.accessor("name", {
    header: "Prospect",
    enableSorting: false,
    cell: (info) => (
      <Link href={`/prospects/${info.row.original.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
        {info.getValue()}
      </Link>
    ),
  }),
  column.accessor("partnerName", {
    header: "Partenaire",
    enableSorting: false,
    cell: (info) => info.getValue() ?? <span className="text-slate-500">Direct</span>,
  }),
  column.accessor("contact", {
    header: "Contact favori",
    enableSorting: false,
    cell: (info) => {
      const contact = info.getValue();
      if (!contact) return <span className="text-slate-500">Aucun</span>;
      return (
        <div className="flex flex-col">
          <span>{contact.name}</span>
          {contact.email ? (
            <a href={`mailto:${contact.email}`} className="text-xs text-brand-700 hover:underline">
              {contact.email}
            </a>
          ) : (
            <span className="text-xs text-red-700">Sans e-mail</span>
          )}
          {contact.phone ? <span className="text-xs text-slate-500">{contact.phone}</span> : null}
        </div>
      );
    },
  }),
  column.accessor("readySince", {
    id: "readyAt",
    header: "Prêt depuis",
    enableSorting: false,
    cell: (info) => {
      const readyAt = info.row.original.readyAt;
      return readyAt ? (
        <time dateTime={new Date(readyAt).toISOString()} title={formatDateTime(readyAt)}>
          {info.getValue()}
        </time>
      ) : (
        "—"
      );
    },
  }),
  column.accessor("onboarding", {
    header: "Inscription du client",
    enableSorting: false,
    cell: (info) => (
      <div className="flex flex-col items-start gap-1">
        <Badge tone={ONBOARDING_STATE_TONES[info.getValue()]}>{ONBOARDING_STATE_LABELS[info.getValue()]}</Badge>
        <Badge tone={PROSPECT_STAGE_TONES[info.row.original.stage]}>{PROSPECT_STAGE_LABELS[info.row.original.stage]}</Badge>
        {info.row.original.pendingCorrections > 0 ? (
          <Badge tone="warning">{pendingCorrectionsBadge(info.row.original.pendingCorrections)}</Badge>
        ) : null}
      </div>
    ),
  }),
  column.accessor("owner", {
    header: "Commercial",
    enableSorting: false,
    cell: (info) => info.getValue()?.name ?? <span className="text-slate-500">Non attribué</span>,
  }),
  column.display({
    id: "actions",
    header: "Actions",
    cell: (info) => <TriageRowActions row={info.row.original} />,
  }),
];

export function TriageTable({
  rows,
  total,
  params,
  query,
  reps,
  actorId,
}: {
  rows: TriageRow[];
  total: number;
  params: TriageListParams;
  query: Record<string, string>;
  reps: Rep[];
  actorId: string;
}) {
  return (
    <TriageContext value={{ reps, actorId }}>
      <DataTable
        columns={columns}
        data={rows}
        getRowId={(row) => row.id}
        total={total}
        page={params.page}
        perPage={params.perPage}
        perPageOptions={TRIAGE_PER_PAGE_OPTIONS}
        sort="readyAt"
        dir="desc"
        query={query}
        caption="Dossiers prêts à démarrer, du plus récent au plus ancien"
        countLabel={(n) => (n === 0 ? "Aucun dossier" : n === 1 ? "1 dossier" : `${n.toLocaleString("fr-FR")} dossiers`)}
        emptyState={
          <EmptyState
            title="Aucun dossier prêt à démarrer."
            description="Les dossiers qu'un partenaire passe en « Prêt à démarrer » apparaissent ici."
          />
        }
      />
    </TriageContext>
  );
}
