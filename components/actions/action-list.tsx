import { ViewLink } from "@/components/actions/view-link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { TypeLabel } from "@/components/ui/type-dot";
import type { ActionRow } from "@/lib/actions/queries";
import { formatDateTime } from "@/lib/format";

// One list of the « Actions » tab (à venir or passées).
export function ActionList({
  id,
  title,
  actions,
  emptyTitle,
  past,
}: {
  id: string;
  title: string;
  actions: ActionRow[];
  emptyTitle: string;
  past: boolean;
}) {
  return (
    <section aria-labelledby={`${id}-titre`} className="flex flex-col">
      <h3 id={`${id}-titre`} className="px-4 pt-4 pb-2 text-sm font-semibold text-slate-900">
        {title} <span className="font-normal text-slate-500">({actions.length})</span>
      </h3>
      {actions.length === 0 ? (
        <EmptyState title={emptyTitle} className="py-4" />
      ) : (
        <ul className="divide-y divide-slate-100">
          {actions.map((a) => (
            <li key={a.id} className="flex items-start gap-2 px-4 py-3">
              <div className="flex min-w-0 flex-1 flex-col gap-1">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <TypeLabel name={a.type.name} color={a.type.color} />
                  <span className="flex items-center gap-2 text-xs tabular-nums text-slate-600">
                    {a.done ? <Badge tone="success">Fait</Badge> : past ? <Badge tone="danger">En retard</Badge> : null}
                    {a.dueAt ? formatDateTime(a.dueAt) : "Sans échéance"}
                  </span>
                </div>
                <p className="text-sm font-medium text-slate-900">{a.subject}</p>
                {a.notes ? <p className="whitespace-pre-line text-sm text-slate-600">{a.notes}</p> : null}
                {a.assignee ? <p className="text-xs text-slate-500">Responsable : {a.assignee.name}</p> : null}
              </div>
              <ViewLink href={`/actions/${a.id}`} label={`Voir l'action ${a.subject}`} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
