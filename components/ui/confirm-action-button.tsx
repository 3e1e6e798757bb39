"use client";

// A button that asks before doing something irreversible (deleting a document, a connection):
// a modal <dialog> (focus trapped, Escape closes it) with the consequence spelled out, then the
// server action, whose error stays in the dialog.
import { useId, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/action-result";
import { cn } from "@/lib/cn";

// The destructive look, spelled out rather than layered over a variant (cn() does not merge
// conflicting utilities).
const DANGER_BASE =
  "inline-flex items-center justify-center gap-2 rounded-md text-sm font-medium transition-colors disabled:pointer-events-none disabled:opacity-50";

export function ConfirmActionButton({
  label,
  accessibleLabel,
  title,
  description,
  confirmLabel,
  pendingLabel = "Suppression…",
  action,
}: {
  label: string;
  // For icon-like or repeated buttons: « Supprimer le document Bilan 2025.pdf ».
  accessibleLabel?: string;
  title: string;
  description: string;
  confirmLabel: string;
  pendingLabel?: string;
  action: () => Promise<ActionResult<unknown>>;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const close = () => {
    setError(null);
    dialogRef.current?.close();
  };

  const confirm = () => {
    setError(null);
    startTransition(async () => {
      let result: ActionResult<unknown>;
      try {
        result = await action();
      } catch {
        setError("La demande n'a pas abouti. Vérifiez votre connexion et réessayez.");
        return;
      }
      if (!result.ok) {
        setError(result.error);
        return;
      }
      dialogRef.current?.close();
      router.refresh();
    });
  };

  return (
    <>
      <button
        type="button"
        aria-label={accessibleLabel}
        aria-haspopup="dialog"
        onClick={() => dialogRef.current?.showModal()}
        className={cn(DANGER_BASE, "h-8 px-3 text-red-700 hover:bg-red-50")}
      >
        {label}
      </button>
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        onClose={() => setError(null)}
        // Rendered where the button is (often a right-aligned table cell): reset what it inherits.
        className="m-auto w-[min(28rem,calc(100vw-2rem))] whitespace-normal rounded-lg border border-slate-200 bg-white p-0 text-left font-normal shadow-xl backdrop:bg-slate-900/40"
      >
        <div className="flex flex-col gap-4 p-5">
          <h2 id={titleId} className="text-base font-semibold text-slate-900">
            {title}
          </h2>
          <p id={descriptionId} className="text-sm text-slate-700">
            {description}
          </p>
          <div role="alert" aria-atomic="true">
            {error ? (
              <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{error}</p>
            ) : null}
          </div>
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="secondary" onClick={close} disabled={pending} autoFocus>
              Annuler
            </Button>
            <button
              type="button"
              onClick={confirm}
              disabled={pending}
              aria-busy={pending}
              className={cn(DANGER_BASE, "h-10 bg-red-600 px-4 text-white shadow-sm hover:bg-red-700")}
            >
              {pending ? pendingLabel : confirmLabel}
            </button>
          </div>
        </div>
      </dialog>
    </>
  );
}
