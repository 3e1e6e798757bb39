"use client";

// A labelled text input wired to react-hook-form, with its error under it (aria-described).
import type { InputHTMLAttributes, ReactNode } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { controlClasses, Field } from "@/components/ui/field";

export function TextField({
  id,
  label,
  error,
  hint,
  registration,
  children,
  ...props
}: Omit<InputHTMLAttributes<HTMLInputElement>, "id"> & {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  registration: UseFormRegisterReturn;
  children?: ReactNode;
}) {
  const describedBy = [hint ? `${id}-aide` : null, error ? `${id}-erreur` : null, children ? `${id}-retour` : null].filter(Boolean).join(" ") || undefined;
  return (
    <Field id={id} label={label} hint={hint}>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={controlClasses} {...props} {...registration} />
      {error ? (
        <p id={`${id}-erreur`} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {children ? <div id={`${id}-retour`}>{children}</div> : null}
    </Field>
  );
}
