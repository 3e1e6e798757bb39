"use client";

// The popup the seed describes: setting « Prêt à démarrer » and saving asks for a « Oui » first,
// because it alerts the sales team and e-mails the client a link.
import { useEffect, useId, useRef } from "react";
import { Button } from "@/components/ui/button";

export function ReadyConfirmDialog({
  open,
  companyName,
  pending,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  companyName: string;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) onCancel();
      }}
      className="m-auto w-[min(30rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="px-5 py-4">
        <h2 id={titleId} className="text-base font-semibold text-slate-900">
          Confirmer le passage en « Prêt à démarrer » ?
        </h2>
        <div id={descriptionId} className="mt-2 space-y-2 text-sm text-slate-700">
          <p>
            L&apos;équipe commerciale sera alertée pour prendre en charge {companyName ? `« ${companyName} »` : "ce client"}, et
            votre contact favori recevra par e-mail un lien unique et sécurisé pour vérifier ses informations et
            transmettre ses documents.
          </p>
        </div>
      </div>
      <div className="flex justify-end gap-2 border-t border-slate-200 bg-slate-50 px-5 py-3">
        <Button variant="secondary" onClick={onCancel} disabled={pending} autoFocus>
          Non
        </Button>
        <Button onClick={onConfirm} disabled={pending} aria-busy={pending || undefined}>
          {pending ? "Enregistrement…" : "Oui"}
        </Button>
      </div>
    </dialog>
  );
}
