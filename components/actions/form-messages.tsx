import type { ReactNode } from "react";

// The message under a field, referenced by the field's aria-describedby.
export function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="text-sm text-red-700">
      {message}
    </p>
  ) : null;
}

// The form-level error (alert) and success (status) regions, always in the DOM so that screen
// readers announce what appears in them.
export function FormMessages({ error, success }: { error: ReactNode; success?: ReactNode }) {
  // One wrapper, so that in a flex column the two (usually empty) regions take a single gap.
  return (
    <div className={error || success ? "flex flex-col gap-2" : undefined}>
      <div role="alert" aria-atomic="true">
        {error ? <div className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{error}</div> : null}
      </div>
      <div role="status" aria-atomic="true">
        {success ? (
          <div className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{success}</div>
        ) : null}
      </div>
    </div>
  );
}

export const NETWORK_ERROR = "L'enregistrement n'a pas abouti. Vérifiez votre connexion et réessayez.";

// aria-describedby for a control: its hint and, when invalid, its error message.
export function describedBy(id: string, hasError: boolean, hint?: string): string | undefined {
  return [hint, hasError ? `${id}-erreur` : null].filter(Boolean).join(" ") || undefined;
}
