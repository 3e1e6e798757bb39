// The count per action type at the top of an action report.
import { TypeLabel } from "@/components/ui/type-dot";
import type { ActionTypeCount } from "@/lib/reports/action-reports";

export function TypeCounts({ counts, label }: { counts: ActionTypeCount[]; label: string }) {
  if (counts.length === 0) return null;
  return (
    <section aria-label={label} className="mb-4">
      <ul className="flex flex-wrap gap-2">
        {counts.map((c) => (
          <li key={c.typeId} className="flex items-center gap-2 rounded-md border border-slate-200 bg-white px-3 py-1.5 shadow-sm">
            <TypeLabel name={c.name} color={c.color} />
            <span className="text-sm font-semibold tabular-nums text-slate-900">{c.count.toLocaleString("fr-FR")}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
