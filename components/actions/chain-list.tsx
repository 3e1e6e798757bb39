import { ViewLink } from "@/components/actions/view-link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { TypeLabel } from "@/components/ui/type-dot";
import { formatDateTime } from "@/lib/format";
import type { NestedActionRow } from "@/lib/opportunities/queries";

// The steps of an opportunity, one block per chain of actions (« Fait » then « Enchaîner »),
// each step in the order of the chain, with the glasses to open it.
export function ChainList({ chains, emptyTitle = "Aucune action dans cette opportunité." }: { chains: NestedActionRow[][]; emptyTitle?: string }) {
  if (chains.length === 0) return <EmptyState title={emptyTitle} className="py-4" />;
  return (
    <ul className="flex flex-col gap-3" aria-label="Enchaînements d'actions">
      {chains.map((chain, chainIndex) => (
        <li key={chain[0]!.id}>
          <ol
            aria-label={`Enchaînement ${chainIndex + 1} (${chain.length} action${chain.length > 1 ? "s" : ""})`}
            className="flex flex-col divide-y divide-slate-100 rounded-md border border-slate-200"
          >
            {chain.map((action, index) => (
              <li key={action.id} className="flex items-center gap-3 px-3 py-2">
                <span aria-hidden="true" className="w-6 shrink-0 text-xs tabular-nums text-slate-400">
                  {index > 0 ? "↳" : ""}
                </span>
                <div className="flex min-w-0 flex-1 flex-col gap-0.5">
                  <div className="flex flex-wrap items-center gap-2">
                    <TypeLabel name={action.type.name} color={action.type.color} />
                    {action.done ? <Badge tone="success">Fait</Badge> : <Badge tone="neutral">À faire</Badge>}
                  </div>
                  <p className="truncate text-sm font-medium text-slate-900">{action.subject}</p>
                  <p className="text-xs text-slate-500">
                    {action.dueAt ? formatDateTime(action.dueAt) : "Sans échéance"}
                    {action.assignee ? ` · ${action.assignee.name}` : ""}
                  </p>
                </div>
                <ViewLink href={`/actions/${action.id}`} label={`Voir l'action ${action.subject}`} />
              </li>
            ))}
          </ol>
        </li>
      ))}
    </ul>
  );
}
