// A GET form of list filters: works without JS, keeps the values in the URL.
import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClasses } from "@/components/ui/button";
import { controlClasses, Field } from "@/components/ui/field";

// `keep`: the list's sort and page size, carried over when the filters change.
export function ListFilters({ action, label, keep, children }: { action: string; label: string; keep?: Record<string, string>; children: ReactNode }) {
  return (
    <form method="get" action={action} role="search" aria-label={label} className="flex flex-col gap-3 border-b border-slate-200 px-4 py-3 sm:flex-row sm:flex-wrap sm:items-end">
      {Object.entries(keep ?? {}).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      {children}
      <div className="flex gap-2">
        <button type="submit" className={buttonClasses("primary", "md")}>
          Filtrer
        </button>
        <Link href={action} className={buttonClasses("ghost", "md")}>
          Réinitialiser
        </Link>
      </div>
    </form>
  );
}

export function SearchField({ id, label, defaultValue, placeholder }: { id: string; label: string; defaultValue: string; placeholder?: string }) {
  return (
    <Field id={id} label={label} className="sm:w-64">
      <input id={id} name="q" type="search" defaultValue={defaultValue} placeholder={placeholder} className={controlClasses} />
    </Field>
  );
}

export function SelectField({ id, name, label, defaultValue, options }: { id: string; name: string; label: string; defaultValue: string; options: ReadonlyArray<{ value: string; label: string }> }) {
  return (
    <Field id={id} label={label} className="sm:w-48">
      <select id={id} name={name} defaultValue={defaultValue} className={controlClasses}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
