"use client";

// The tasks screen's list: one row per task not done, with its quick « Fait » and its « Rappel »
// panel (a row of its own under the task, opened on demand).
import Link from "next/link";
import { Fragment, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { ReminderForm } from "@/components/tasks/reminder-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { TypeLabel } from "@/components/ui/type-dot";
import type { ActionResult } from "@/lib/action-result";
import { cn } from "@/lib/cn";
import { formatDateTime } from "@/lib/format";
import { completeTaskAction } from "@/lib/tasks/actions";
import { isOverdue } from "@/lib/tasks/ordering";
import { reminderLabel } from "@/lib/tasks/labels";

export type TaskTableRow = {
  id: string;
  subject: string;
  dueAt: Date | null;
  reminderAt: Date | null;
  reminderByEmail: boolean;
  type: { name: string; color: string };
  prospect: { id: string; name: string };
  assignee: { id: string; name: string } | null;
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
    <div className="flex flex-col items-end gap-1">
      <Button size="sm" onClick={complete} disabled={pending} aria-busy={pending} aria-label={`Marquer « ${row.subject} » comme fait`}>
        {pending ? "…" : "Fait"}
      </Button>
      <div role="alert" aria-atomic="true">
        {error ? <p className="max-w-56 whitespace-normal text-right text-xs text-red-700">{error}</p> : null}
      </div>
    </div>
  );
}

export function TaskTable({
  rows,
  now,
  emptyTitle,
  emptyDescription,
}: {
  rows: TaskTableRow[];
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
    <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <p role="status" aria-atomic="true" className="sr-only">
        {announce}
      </p>
      <div className="overflow-x-auto focus-visible:outline-2 focus-visible:outline-brand-600" tabIndex={0} role="region" aria-label="Liste des tâches">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">Tâches non faites, les plus en retard d&apos;abord</caption>
          <thead className="bg-slate-50">
            <tr>
              {["Type", "Objet", "Prospect", "Échéance", "Attribuée à", "Rappel"].map((label) => (
                <th key={label} scope="col" className="whitespace-nowrap px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                  {label}
                </th>
              ))}
              <th scope="col" className="px-4 py-2.5 text-right text-xs font-semibold uppercase tracking-wide text-slate-600">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {visible.length === 0 ? (
              <tr>
                <td colSpan={7}>
                  <EmptyState title={emptyTitle} description={emptyDescription} />
                </td>
              </tr>
            ) : (
              visible.map((row) => {
                const overdue = isOverdue(row.dueAt, reference);
                const open = openId === row.id;
                const panelId = `rappel-${row.id}`;
                return (
                  <Fragment key={row.id}>
                    <tr className={cn("align-top hover:bg-slate-50", overdue && "bg-red-50/40")}>
                      <td className="whitespace-nowrap px-4 py-2.5">
                        <TypeLabel name={row.type.name} color={row.type.color} />
                      </td>
                      <td className="px-4 py-2.5">
                        <Link href={`/actions/${row.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                          {row.subject}
                        </Link>
                      </td>
                      <td className="px-4 py-2.5">
                        <Link href={`/prospects/${row.prospect.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                          {row.prospect.name}
                        </Link>
                      </td>
                      <td className="whitespace-nowrap px-4 py-2.5 text-slate-700">
                        {row.dueAt ? (
                          <span className="flex flex-col items-start gap-1">
                            <span className="tabular-nums">{formatDateTime(row.dueAt)}</span>
                            {overdue ? <Badge tone="danger">En retard</Badge> : null}
                          </span>
                        ) : (
                          <span className="text-slate-500">Sans échéance</span>
                        )}
                      </td>
                      <td className="whitespace-nowrap px-4 py-2.5 text-slate-700">{row.assignee?.name ?? "—"}</td>
                      <td className="whitespace-nowrap px-4 py-2.5 text-slate-700">
                        {row.reminderAt ? (
                          <span className="tabular-nums">
                            {reminderLabel(row.reminderAt)}
                            {row.reminderByEmail ? <span className="block text-xs text-slate-500">Aussi par e-mail</span> : null}
                          </span>
                        ) : (
                          <span className="text-slate-500">Aucun</span>
                        )}
                      </td>
                      <td className="whitespace-nowrap px-4 py-2.5">
                        <div className="flex items-start justify-end gap-2">
                          <Button
                            size="sm"
                            variant="secondary"
                            aria-expanded={open}
                            aria-controls={open ? panelId : undefined}
                            aria-label={`Rappel de « ${row.subject} »`}
                            onClick={() => setOpenId(open ? null : row.id)}
                          >
                            Rappel
                          </Button>
                          <DoneButton row={row} onDone={onDone(row)} />
                        </div>
                      </td>
                    </tr>
                    {open ? (
                      <tr id={panelId} className="bg-slate-50">
                        <td colSpan={7} className="px-4 py-3">
                          <section aria-label={`Rappel de « ${row.subject} »`}>
                            <ReminderForm actionId={row.id} reminderAt={row.reminderAt} byEmail={row.reminderByEmail} />
                          </section>
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
