import type { InputHTMLAttributes } from "react";
import { cn } from "@/lib/cn";

// 16 px text and 44 px targets: phones neither zoom into the field nor miss the tap.
export const onboardingInputClasses =
  "block h-11 w-full rounded-md border border-slate-300 bg-white px-3 text-base text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 aria-invalid:border-red-500 read-only:bg-slate-100 read-only:text-slate-600";

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="text-sm text-red-700">
      {message}
    </p>
  );
}

// A labelled input whose error is tied to it (aria-invalid + aria-describedby).
export function OnboardingTextInput({
  id,
  label,
  error,
  hint,
  className,
  ...props
}: Omit<InputHTMLAttributes<HTMLInputElement>, "id"> & { id: string; label: string; error?: string; hint?: string }) {
  const describedBy = [hint ? `${id}-aide` : null, error ? `${id}-erreur` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={id}
        name={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={onboardingInputClasses}
        {...props}
      />
      {hint ? (
        <p id={`${id}-aide`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-erreur`} message={error} />
    </div>
  );
}
