"use client";

// What the wizard says about the last save: the error (with the way to the existing file after
// a duplicate registration), the confirmation, and the save bar of the tabs with form fields.
import Link from "next/link";
import { useEffect, useRef } from "react";
import { Button, buttonClasses } from "@/components/ui/button";

export function SaveError({ message, duplicateId }: { message: string; duplicateId: string | null }) {
  const ref = useRef<HTMLDivElement>(null);
  // Screen-reader and keyboard users land on the message, and on the way out of it.
  useEffect(() => {
    ref.current?.focus();
  }, [message]);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      className="mb-4 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900 focus:outline-none"
    >
      <p className="font-medium">{message}</p>
      {duplicateId ? (
        <p className="mt-2">
          <Link href={`/prospects/${duplicateId}`} className={buttonClasses("secondary", "sm")}>
            Ouvrir le dossier existant
          </Link>
        </p>
      ) : null}
    </div>
  );
}

export function SaveNotice({ message }: { message: string }) {
  return (
    <p role="status" className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
      {message}
    </p>
  );
}

// Only on the tabs holding the form's fields (the others save on their own). Disabled while
// nothing changed on an existing file; one compact line on phones.
export function SaveBar({ formId, creating, pending, dirty }: { formId: string; creating: boolean; pending: boolean; dirty: boolean }) {
  const nothingToSave = !creating && !dirty;
  return (
    <div className="sticky bottom-0 z-10 -mx-4 mt-6 border-t border-slate-200 bg-white/95 px-4 py-2 backdrop-blur sm:mx-0 sm:mt-8 sm:rounded-b-lg sm:py-3">
      <div className="flex items-center justify-between gap-3">
        <p className="min-w-0 text-xs text-slate-600 sm:text-sm" aria-live="polite">
          {pending
            ? "Enregistrement en cours…"
            : dirty
              ? "Modifications non enregistrées."
              : creating
                ? "Renseignez au moins l'onglet « Entreprise » pour enregistrer."
                : "Toutes les modifications sont enregistrées."}
        </p>
        <Button
          type="submit"
          form={formId}
          size="sm"
          className="shrink-0 sm:h-10 sm:px-4"
          disabled={pending || nothingToSave}
          aria-busy={pending || undefined}
        >
          {pending ? "Enregistrement…" : creating ? "Enregistrer le prospect" : "Enregistrer les modifications"}
        </Button>
      </div>
    </div>
  );
}
