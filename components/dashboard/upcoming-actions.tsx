import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { SectionCard } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { TypeLabel } from "@/components/ui/type-dot";
import type { DashboardAction } from "@/lib/dashboard/queries";
import { formatDateTime } from "@/lib/format";

export function UpcomingActions({
  actions,
  now,
  showAssignee,
}: {
  actions: DashboardAction[];
  now: Date;
  showAssignee: boolean;
}) {
  return (
    <SectionCard id="prochaines-actions" title="Prochaines actions">
      {actions.length === 0 ? (
        <EmptyState title="Aucune action à venir." description="Les actions à faire apparaîtront ici." />
      ) : (
        <ul className="divide-y divide-slate-100">
          {actions.map((a) => {
            const overdue = a.dueAt !== null && a.dueAt < now;
            return (
              <li key={a.id} className="flex flex-col gap-1 px-4 py-3">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <TypeLabel name={a.type.name} color={a.type.color} />
                  <span className="flex items-center gap-2 text-xs tabular-nums text-slate-600">
                    {overdue ? <Badge tone="danger">En retard</Badge> : null}
                    {a.dueAt ? formatDateTime(a.dueAt) : "Sans échéance"}
                  </span>
                </div>
                <p className="text-sm font-medium text-slate-900">{a.subject}</p>
                <p className="text-xs text-slate-600">
                  <Link href={`/prospects/${a.prospect.id}`} className="text-brand-700 underline underline-offset-2">
                    {a.prospect.name}
                  </Link>
                  {showAssignee && a.assignee ? ` · ${a.assignee.name}` : null}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </SectionCard>
  );
}
