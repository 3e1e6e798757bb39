"use client";

// The triage work queue: one compact row per file (company, partner, favourite contact, ready
// since, link state), one primary button and « ⋯ » for the rest; a click on a row opens its
// side panel beside the list.
import Link from "next/link";
import { useCallback, useState, type ReactNode } from "react";
import { createColumnHelper } from "@tanstack/react-table";
import { Badge } from "@/components/ui/badge";
import { pendingCorrectionsBadge } from "@/lib/corrections/fields";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/lib/format";
import { ONBOARDING_STATE_LABELS, ONBOARDING_STATE_TONES } from "@/lib/onboarding/labels";
import type { TriageRow } from "@/lib/onboarding/triage-queries";
import { TRIAGE_PER_PAGE_OPTIONS, type TriageListParams } from "@/lib/onboarding/triage-schemas";
import { TriageQuickActions } from "@/components/onboarding/triage-quick-actions";
import { TriageContext, type PanelIntent, type Rep } from "@/components/onboarding/triage-row-actions";
import { TriageSidePanel } from "@/components/onboarding/triage-side-panel";
import { GLOSSARY } from "@/lib/labels/glossary";

const column = createColumnHelper<TriageRow>();

// Module-level, so each cell keeps its identity across refreshes (TanStack renders a cell
// function as a component: a new function would remount the row's actions and lose their state).
const columns = [
  column.accessor("name", {
    header: "Prospect",
    enableSorting: false,
    meta: { card: "title" },
    cell: (info) => (
      <Link href={`/prospects/${info.row.original.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
        {info.getValue()}
      </Link>
    ),
  }),
  column.accessor("partnerName", {
    header: "Partenaire",
    enableSorting: false,
    meta: { card: "fact" },
    cell: (info) => info.getValue() ?? <span className="text-slate-500">Direct</span>,
  }),
  column.accessor((row) => row.contact?.name ?? null, {
    id: "contact",
    header: "Contact favori",
    enableSorting: false,
    meta: { card: "fact" },
    cell: (info) => {
      const contact = info.row.original.contact;
      if (!contact) return <span className="text-slate-500">Aucun</span>;
      return (
        <>
          {contact.name}
          {contact.email ? null : <span className="ml-1 text-xs text-red-700">(sans e-mail)</span>}
        </>
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
    header: "Lien d'inscription",
    enableSorting: false,
    meta: { card: "status", truncate: false },
    cell: (info) => (
      <span className="flex flex-wrap items-center gap-1">
        <Badge tone={ONBOARDING_STATE_TONES[info.getValue()]}>{ONBOARDING_STATE_LABELS[info.getValue()]}</Badge>
        {info.row.original.pendingCorrections > 0 ? (
          <Badge tone="warning">{pendingCorrectionsBadge(info.row.original.pendingCorrections)}</Badge>
        ) : null}
      </span>
    ),
  }),
  column.accessor((row) => row.owner?.name ?? null, {
    id: "owner",
    header: GLOSSARY.salesRep,
    enableSorting: false,
    cell: (info) => info.getValue() ?? <span className="text-slate-500">Non attribué</span>,
  }),
  column.display({
    id: "actions",
    header: () => <span className="sr-only">Actions</span>,
    meta: { label: "Actions", card: "action", truncate: false },
    cell: (info) => <TriageQuickActions row={info.row.original} />,
  }),
];

export function TriageTable({
  rows,
  total,
  params,
  query,
  reps,
  actorId,
  corrections,
}: {
  rows: TriageRow[];
  total: number;
  params: TriageListParams;
  query: Record<string, string>;
  reps: Rep[];
  actorId: string;
  // The client's corrections awaiting review, rendered on the server per file id, shown in the
  // open file's side panel.
  corrections?: Record<string, ReactNode>;
}) {
  const [panel, setPanel] = useState<{ id: string; intent: PanelIntent } | null>(null);
  const openPanel = useCallback((id: string, intent: PanelIntent) => setPanel({ id, intent }), []);
  const closePanel = useCallback(() => setPanel(null), []);
  const open = panel ? rows.find((row) => row.id === panel.id) : undefined;

  return (
    <TriageContext value={{ reps, actorId, openPanel }}>
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
        tableId="dossiers-prets"
        onRowClick={(row) => openPanel(row.id, "view")}
        selectedRowId={open?.id ?? null}
        countLabel={(n) => (n === 0 ? "Aucun dossier" : n === 1 ? "1 dossier" : `${n.toLocaleString("fr-FR")} dossiers`)}
        emptyState={
          <EmptyState
            title="Aucun dossier prêt à démarrer."
            description="Les dossiers qu'un partenaire passe en « Prêt à démarrer » apparaissent ici."
          />
        }
      />
      {open && panel ? (
        <TriageSidePanel
          key={`${open.id}:${panel.intent}`}
          row={open}
          intent={panel.intent}
          onClose={closePanel}
          corrections={corrections?.[open.id]}
        />
      ) : null}
    </TriageContext>
  );
}
