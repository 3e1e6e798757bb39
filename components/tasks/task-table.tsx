"use client";

// The tasks screen's list: one row per task not done, with its quick « Fait » and its « Rappel »
// panel (a row of its own under the task, opened on demand). Rendered by the shared DataTable,
// so it truncates long subjects, keeps its header in view and becomes cards on a phone.
import Link from "next/link";
import { createContext, use, useState, useTransition } from "react";
import { createColumnHelper } from "@tanstack/react-table";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { TypeLabel } from "@/components/ui/type-dot";
import type { ActionResult } from "@/lib/action-result";
import { formatDateTime } from "@/lib/format";
import { completeTaskAction } from "@/lib/tasks/actions";
import { isOverdue } from "@/lib/tasks/ordering";
import { reminderLabel, taskCountLabel } from "@/lib/tasks/labels";
import { GLOSSARY } from "@/lib/labels/glossary";

// The reminder panel opens on demand: its form (react-hook-form, zod) is fetched then, not with
// the list (issue 14's first-load JavaScript budget).
const ReminderForm = dynamic(() => import("@/components/tasks/reminder-form").then((m) => m.ReminderForm), {
  loading: () => <p className="text-sm text-slate-600">Chargement du rappel…</p>,
});

export type TaskTableRow = {
  id: string;
  subject: string;
  dueAt: Date | null;
  reminderAt: Date | null;
  reminderByEmail: boolean;
  type: { name: string; color: string };
  prospect: { id: string; name: string };
  assignee: { name: string } | null;
};

const NETWORK_ERROR = "La tâche n'a pas pu être marquée comme faite. Vérifiez votre connexion et réessayez.";

function DoneButton({ row, onDone }: { row: TaskTableRow; onDone: (id: string) => void }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const complete = () => {
    setError(null);
    startTransition(async () => {
      let result: ActionResult<{ id: string }>;
      try {
        result = await completeTaskAction({ actionId: row.id });
      } catch {
        setError(NETWORK_ERROR);
        return;
      }
      if (!result.ok) setError(result.error);
      else onDone(row.id);
    });
  };
  return (
    <div className="row-actions-stack">
      <Button size="sm" onClick={complete} disabled={pending} aria-busy={pending} aria-label={`Marquer « ${row.subject} » comme fait`}>
        {pending ? "…" : "Fait"}
      </Button>
      <div role="alert" aria-atomic="true">
        {error ? <p className="max-w-56 whitespace-normal text-right text-xs text-red-700">{error}</p> : null}
      </div>
    </div>
  );
}

type TaskTableState = {
  reference: Date;
  openId: string | null;
  toggleReminder: (id: string) => void;
  onDone: (row: TaskTableRow) => (id: string) => void;
};

const TaskTableContext = createContext<TaskTableState>({
  reference: new Date(0),
  openId: null,
  toggleReminder: () => undefined,
  onDone: () => () => undefined,
});

function DueCell({ row }: { row: TaskTableRow }) {
  const { reference } = use(TaskTableContext);
  if (!row.dueAt) return <span className="text-slate-600">Sans échéance</span>;
  return (
    <span className="flex flex-col items-start gap-1">
      <span className="tabular-nums">{formatDateTime(row.dueAt)}</span>
      {isOverdue(row.dueAt, reference) ? <Badge tone="danger">En retard</Badge> : null}
    </span>
  );
}

function RowActions({ row }: { row: TaskTableRow }) {
  const { openId, toggleReminder, onDone } = use(TaskTableContext);
  const open = openId === row.id;
  return (
    <div className="row-actions">
      <Button
        size="sm"
        variant="secondary"
        aria-expanded={open}
        aria-label={`Rappel de « ${row.subject} »`}
        onClick={() => toggleReminder(row.id)}
      >
        Rappel
      </Button>
      <DoneButton row={row} onDone={onDone(row)} />
    </div>
  );
}

const column = createColumnHelper<TaskTableRow>();
const linkClasses = "cell-link font-medium";

// Module-level, so the « Fait » buttons keep their state across renders.
const columns = [
  column.accessor("subject", {
    header: "Objet",
    enableSorting: false,
    meta: { card: "title" },
    cell: (info) => (
      <Link href={`/actions/${info.row.original.id}`} className={linkClasses}>
        {info.getValue()}
      </Link>
    ),
  }),
  column.accessor((row) => row.type.name, {
    id: "type",
    header: "Type",
    enableSorting: false,
    meta: { card: "status" },
    cell: (info) => <TypeLabel name={info.getValue()} color={info.row.original.type.color} />,
  }),
  column.accessor((row) => row.prospect.name, {
    id: "prospect",
    header: "Prospect",
    enableSorting: false,
    meta: { card: "fact" },
    cell: (info) => (
      <Link href={`/prospects/${info.row.original.prospect.id}`} className="cell-link">
        {info.getValue()}
      </Link>
    ),
  }),
  column.accessor("dueAt", {
    header: "Échéance",
    enableSorting: false,
    meta: { card: "fact", truncate: false },
    cell: (info) => <DueCell row={info.row.original} />,
  }),
  column.accessor((row) => row.assignee?.name ?? null, {
    id: "assignee",
    header: GLOSSARY.responsible,
    enableSorting: false,
    cell: (info) => info.getValue() ?? "—",
  }),
  column.accessor("reminderAt", {
    header: "Rappel",
    enableSorting: false,
    cell: (info) => {
      const row = info.row.original;
      return row.reminderAt ? (
        <span className="tabular-nums">
          {reminderLabel(row.reminderAt)}
          {row.reminderByEmail ? <span className="text-xs text-slate-600"> · aussi par e-mail</span> : null}
        </span>
      ) : (
        <span className="text-slate-600">Aucun</span>
      );
    },
  }),
  column.display({
    id: "actions",
    header: () => <span className="sr-only">Actions</span>,
    meta: { label: "Actions", card: "action", truncate: false },
    cell: (info) => <RowActions row={info.row.original} />,
  }),
];

export function TaskTable({
  rows,
  total,
  perPage,
  query,
  now,
  emptyTitle,
  emptyDescription,
}: {
  rows: TaskTableRow[];
  total: number;
  perPage: number;
  query: Record<string, string>;
  // The server's time of rendering, so « En retard » is the same on both sides of hydration.
  now: string;
  emptyTitle: string;
  emptyDescription?: string;
}) {
  const router = useRouter();
  const [doneIds, setDoneIds] = useState<ReadonlySet<string>>(new Set());
  const [openId, setOpenId] = useState<string | null>(null);
  const [announce, setAnnounce] = useState("");
  const reference = new Date(now);
  const visible = rows.filter((row) => !doneIds.has(row.id));

  const onDone = (row: TaskTableRow) => (id: string) => {
    setDoneIds((previous) => new Set(previous).add(id));
    if (openId === id) setOpenId(null);
    setAnnounce(`Tâche « ${row.subject} » marquée comme faite.`);
    router.refresh();
  };

  return (
    <TaskTableContext
      value={{ reference, openId, toggleReminder: (id) => setOpenId(openId === id ? null : id), onDone }}
    >
      <p role="status" aria-atomic="true" className="sr-only">
        {announce}
      </p>
      <DataTable
        columns={columns}
        data={visible}
        getRowId={(row) => row.id}
        total={total - doneIds.size}
        // Paged by keyset outside the table (KeysetPagination): the table shows one page.
        page={1}
        perPage={perPage}
        perPageOptions={[perPage]}
        sort="dueAt"
        dir="asc"
        query={query}
        caption="Tâches non faites, les plus en retard d'abord"
        tableId="taches"
        rowHref={(row) => `/actions/${row.id}`}
        rowClassName={(row) => (isOverdue(row.dueAt, reference) ? "bg-red-50/40" : undefined)}
        showPagination={false}
        countLabel={taskCountLabel}
        emptyState={<EmptyState title={emptyTitle} description={emptyDescription} />}
        renderExpanded={(row) =>
          openId === row.id ? (
            <section aria-label={`Rappel de « ${row.subject} »`}>
              <ReminderForm actionId={row.id} reminderAt={row.reminderAt} byEmail={row.reminderByEmail} />
            </section>
          ) : null
        }
      />
    </TaskTableContext>
  );
}
