import { Badge } from "@/components/ui/badge";
import { SectionCard } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { TypeLabel } from "@/components/ui/type-dot";
import { formatDateTime } from "@/lib/format";
import type { ProspectActionRow } from "@/lib/prospects/queries";

export function ProspectActions({ actions, now }: { actions: ProspectActionRow[]; now: Date }) {
  return (
    <SectionCard id="actions" title="Actions">
      {actions.length === 0 ? (
        <EmptyState title="Aucune action pour ce prospect." />
      ) : (
        <div className="relative overflow-x-auto">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Actions du prospect</caption>
            <thead className="bg-slate-50">
              <tr>
                {["Type", "Objet", "Échéance", "État", "Responsable"].map((h) => (
                  <th
                    key={h}
                    scope="col"
                    className="whitespace-nowrap px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-600"
                  >
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {actions.map((a) => {
                const overdue = !a.done && a.dueAt !== null && a.dueAt < now;
                return (
                  <tr key={a.id}>
                    <td className="whitespace-nowrap px-4 py-2.5">
                      <TypeLabel name={a.type.name} color={a.type.color} />
                    </td>
                    <td className="min-w-48 px-4 py-2.5 text-slate-900">{a.subject}</td>
                    <td className="whitespace-nowrap px-4 py-2.5 tabular-nums text-slate-700">
                      {a.dueAt ? formatDateTime(a.dueAt) : "Sans échéance"}
                    </td>
                    <td className="whitespace-nowrap px-4 py-2.5">
                      {a.done ? (
                        <Badge tone="success">Fait</Badge>
                      ) : overdue ? (
                        <Badge tone="danger">En retard</Badge>
                      ) : (
                        <Badge tone="warning">À faire</Badge>
                      )}
                    </td>
                    <td className="whitespace-nowrap px-4 py-2.5 text-slate-700">{a.assignee?.name ?? "—"}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </SectionCard>
  );
}
