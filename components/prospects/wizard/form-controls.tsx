"use client";

// Labelled inputs bound to the wizard's react-hook-form state: the error sits under the field,
// tied to it by aria-describedby, and the field is marked aria-invalid.
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { useFormContext, type FieldPath } from "react-hook-form";
import { controlClasses } from "@/components/ui/field";
import { cn } from "@/lib/cn";
import type { ProspectFormValues } from "@/lib/prospects/prospect-form-schema";

type Name = FieldPath<ProspectFormValues>;

// "contacts.1.email" → "prospect-contacts-1-email".
export function fieldId(name: string): string {
  return `prospect-${name.replaceAll(".", "-")}`;
}

function errorAt(errors: unknown, name: string): string | undefined {
  let node: unknown = errors;
  for (const part of name.split(".")) {
    if (!node || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  const message = (node as { message?: unknown } | undefined)?.message;
  return typeof message === "string" ? message : undefined;
}

export function useFieldError(name: string): string | undefined {
  const { formState } = useFormContext<ProspectFormValues>();
  return errorAt(formState.errors, name);
}

export function FieldShell({
  name,
  label,
  hint,
  required,
  className,
  children,
}: {
  name: string;
  label: string;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const id = fieldId(name);
  const error = useFieldError(name);
  return (
    <div className={cn("flex min-w-0 flex-col gap-1", className)}>
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
        {required ? (
          <span className="text-red-700" aria-hidden="true">
            {" "}
            *
          </span>
        ) : null}
        {required ? <span className="sr-only"> (obligatoire)</span> : null}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-aide`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-erreur`} className="text-xs font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(name: string, hasHint: boolean, hasError: boolean): string | undefined {
  const id = fieldId(name);
  const ids = [hasHint ? `${id}-aide` : null, hasError ? `${id}-erreur` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

type Common = { name: Name; label: string; hint?: ReactNode; required?: boolean; className?: string; readOnly?: boolean };

export function TextField({
  name,
  label,
  hint,
  required,
  className,
  readOnly,
  normalize,
  ...props
}: Common &
  Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id"> & {
    // Puts the text in its display shape when the user leaves the field (« 1 410 000 »).
    normalize?: (value: string) => string | Promise<string>;
  }) {
  const { register, getValues, setValue } = useFormContext<ProspectFormValues>();
  const error = useFieldError(name);
  const registered = register(name, {
    onBlur: normalize
      ? async () => {
          const value = getValues(name);
          if (typeof value !== "string") return;
          const next = await normalize(value);
          // The user may have typed on while the normaliser loaded: their text wins.
          if (next !== value && getValues(name) === value) setValue(name, next, { shouldDirty: true });
        }
      : undefined,
  });
  return (
    <FieldShell name={name} label={label} hint={hint} required={required} className={className}>
      <input
        id={fieldId(name)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, Boolean(hint), Boolean(error))}
        aria-required={required || undefined}
        readOnly={readOnly}
        className={cn(controlClasses, readOnly && "bg-slate-50 text-slate-600")}
        {...props}
        {...registered}
      />
    </FieldShell>
  );
}

export function TextAreaField({
  name,
  label,
  hint,
  required,
  className,
  readOnly,
  ...props
}: Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id">) {
  const { register } = useFormContext<ProspectFormValues>();
  const error = useFieldError(name);
  return (
    <FieldShell name={name} label={label} hint={hint} required={required} className={className}>
      <textarea
        id={fieldId(name)}
        rows={4}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, Boolean(hint), Boolean(error))}
        readOnly={readOnly}
        className={cn(controlClasses, "h-auto py-2", readOnly && "bg-slate-50 text-slate-600")}
        {...props}
        {...register(name)}
      />
    </FieldShell>
  );
}

export function SelectField({
  name,
  label,
  hint,
  required,
  className,
  options,
  ...props
}: Common & { options: ReadonlyArray<{ value: string; label: string }> } & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "id">) {
  const { register } = useFormContext<ProspectFormValues>();
  const error = useFieldError(name);
  return (
    <FieldShell name={name} label={label} hint={hint} required={required} className={className}>
      <select
        id={fieldId(name)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, Boolean(hint), Boolean(error))}
        className={cn(controlClasses, "pr-8")}
        {...props}
        {...register(name)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
