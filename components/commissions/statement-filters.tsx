// The admin list's filters: a plain GET form, so the URL carries them and the page parses it.
import { buttonClasses } from "@/components/ui/button";
import { controlClasses, Field } from "@/components/ui/field";
import { STATEMENT_STATUS_LABELS } from "@/lib/commissions/labels";
import type { StatementFilters } from "@/lib/commissions/queries";
import { CommissionStatementStatus } from "@/lib/generated/prisma/enums";

export function StatementFiltersForm({ filters, partners }: { filters: StatementFilters; partners: { id: string; name: string }[] }) {
  return (
    <form method="get" action="/admin/releves" className="flex flex-col gap-3 px-4 py-4 sm:flex-row sm:items-end">
      <Field id="filter-month" label="Mois">
        <input id="filter-month" name="mois" type="month" defaultValue={filters.mois ?? ""} className={controlClasses} />
      </Field>
      <Field id="filter-status" label="Statut">
        <select id="filter-status" name="statut" defaultValue={filters.statut ?? ""} className={controlClasses}>
          <option value="">Tous</option>
          {Object.values(CommissionStatementStatus).map((s) => (
            <option key={s} value={s}>
              {STATEMENT_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </Field>
      <Field id="filter-partner" label="Organisation" className="sm:min-w-64">
        <select id="filter-partner" name="organisation" defaultValue={filters.organisation ?? ""} className={controlClasses}>
          <option value="">Toutes</option>
          {partners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" className={buttonClasses("secondary")}>
        Filtrer
      </button>
    </form>
  );
}
