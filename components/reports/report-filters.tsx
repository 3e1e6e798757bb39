// « Filtres » of the reports: a plain GET form, so the filters live in the URL, survive a
// reload and need no JavaScript. Server component.
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { DateInput } from "@/components/ui/date-input";
import { controlClasses, Field } from "@/components/ui/field";
import { cn } from "@/lib/cn";
import type { InternalOptions, ReferenceOption } from "@/lib/prospects/internal-options";
import { hasReportFilters, type ReportFilters } from "@/lib/reports/filters";

function FilterSelect({
  id,
  name,
  label,
  all,
  value,
  options,
}: {
  id: string;
  name: string;
  label: string;
  all: string;
  value: string;
  options: ReferenceOption[];
}) {
  return (
    <Field id={id} label={label} className="sm:w-48">
      <select id={id} name={name} defaultValue={value} className={cn(controlClasses, "pr-8")}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function ReportFiltersForm({
  action,
  filters,
  options,
  periodHint,
}: {
  action: string;
  filters: ReportFilters;
  options: InternalOptions;
  // What the period applies to, e.g. « Date à laquelle l'action a été faite ».
  periodHint: string;
}) {
  return (
    <form
      method="get"
      action={action}
      role="search"
      aria-labelledby="filtres-titre"
      className="mb-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2 id="filtres-titre" className="mb-3 text-base font-semibold text-slate-900">
        Filtres
      </h2>
      <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-end">
        <fieldset className="flex flex-col gap-1">
          <legend className="text-sm font-medium text-slate-700">Période</legend>
          <p id="periode-aide" className="text-xs text-slate-500">
            {periodHint} (heure de Paris).
          </p>
          <div className="mt-1 flex items-end gap-2">
            <Field id="rapport-du" label="Du">
              <DateInput id="rapport-du" name="from" defaultValue={filters.from} aria-describedby="periode-aide" className="w-36" />
            </Field>
            <Field id="rapport-au" label="Au">
              <DateInput id="rapport-au" name="to" defaultValue={filters.to} aria-describedby="periode-aide" className="w-36" />
            </Field>
          </div>
        </fieldset>
        <FilterSelect id="rapport-representant" name="owner" label="Commercial" all="Tous les commerciaux" value={filters.owner} options={options.owners} />
        <FilterSelect id="rapport-partenaire" name="partner" label="Partenaire" all="Tous les partenaires" value={filters.partner} options={options.partners} />
        <FilterSelect id="rapport-origine" name="origin" label="Origine" all="Toutes les origines" value={filters.origin} options={options.origins} />
        <FilterSelect id="rapport-type" name="type" label="Type de prospect" all="Tous les types" value={filters.type} options={options.types} />
        <div className="flex items-center gap-2">
          <button type="submit" className={buttonClasses("primary", "md")}>
            Filtrer
          </button>
          {hasReportFilters(filters) ? (
            <Link href={action} className={buttonClasses("ghost", "md")}>
              Réinitialiser
            </Link>
          ) : null}
        </div>
      </div>
    </form>
  );
}
