import type { ComponentProps, InputHTMLAttributes, ReactNode } from "react";
import { cn } from "@/lib/cn";

// Look of every text input and select, without size, for controls that size themselves.
// A component class in app/globals.css (see button.tsx).
export const controlBaseClasses = "control";

export const controlClasses = `${controlBaseClasses} h-10 w-full`;

// Every input has a visible label tied to it by id: no placeholder-only fields.
export function Field({
  id,
  label,
  hint,
  className,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-aide`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function TextInput({
  id,
  label,
  hint,
  className,
  ...props
}: Omit<InputHTMLAttributes<HTMLInputElement>, "id"> & { id: string; label: string; hint?: string }) {
  return (
    <Field id={id} label={label} hint={hint} className={className}>
      <input id={id} aria-describedby={hint ? `${id}-aide` : undefined} className={controlClasses} {...props} />
    </Field>
  );
}

// A select with its label, hint and error message, wired for screen readers; `register()` from
// react-hook-form spreads onto it (React 19 passes `ref` as a prop).
export function SelectInput({
  id,
  label,
  hint,
  error,
  className,
  options,
  ...props
}: Omit<ComponentProps<"select">, "id" | "children"> & {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  options: ReadonlyArray<{ value: string; label: string }>;
}) {
  const describedBy = [hint ? `${id}-aide` : null, error ? `${id}-erreur` : null].filter(Boolean).join(" ") || undefined;
  return (
    <Field id={id} label={label} hint={hint} className={className}>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={cn(controlClasses, "pr-8")} {...props}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? (
        <p id={`${id}-erreur`} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </Field>
  );
}
