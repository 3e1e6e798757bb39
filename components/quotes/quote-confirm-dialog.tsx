"use client";

// A button that asks before a step that cannot be undone (sending a quote, recording the
// client's answer): a modal <dialog> with the consequence spelled out; the step's error stays
// in the dialog.
import { useId, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button, type ButtonVariant } from "@/components/ui/button";
import type { ActionResult } from "@/lib/action-result";

const NETWORK_ERROR = "La demande n'a pas abouti. Vérifiez votre connexion et réessayez.";

export function QuoteConfirmDialog({
  label,
  title,
  description,
  confirmLabel,
  pendingLabel,
  variant = "secondary",
  disabled,
  action,
  onDone,
}: {
  label: string;
  title: string;
  description: string;
  confirmLabel: string;
  pendingLabel: string;
  variant?: ButtonVariant;
  disabled?: boolean;
  action: () => Promise<ActionResult<unknown>>;
  onDone?: () => void;
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
    // A double click on the confirmation starts one request only.
    if (pending) return;
    setError(null);
    startTransition(async () => {
      let result: ActionResult<unknown>;
      try {
        result = await action();
      } catch {
        setError(NETWORK_ERROR);
        return;
      }
      if (!result.ok) {
        setError(result.error);
        return;
      }
      dialogRef.current?.close();
      onDone?.();
      router.refresh();
    });
  };

  return (
    <>
      <Button variant={variant} aria-haspopup="dialog" disabled={disabled} onClick={() => dialogRef.current?.showModal()}>
        {label}
      </Button>
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        onClose={() => setError(null)}
        onCancel={(event) => {
          // Escape must not hide a request still running.
          if (pending) event.preventDefault();
        }}
        className="m-auto w-[min(30rem,calc(100vw-2rem))] whitespace-normal rounded-lg border border-slate-200 bg-white p-0 text-left font-normal shadow-xl backdrop:bg-slate-900/40"
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
            <Button onClick={confirm} disabled={pending} aria-busy={pending}>
              {pending ? pendingLabel : confirmLabel}
            </Button>
          </div>
        </div>
      </dialog>
    </>
  );
}
