"use client";

// « Aperçu »: the message one recipient gets, fetched when asked. The HTML version is shown in a
// sandboxed frame (no scripts, no same-origin access), the text version below it.
import { useId, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { previewCampaignActionAction } from "@/lib/campaigns/actions";
import { SKIP_REASON_LABELS } from "@/lib/campaigns/labels";
import type { CampaignPreview } from "@/lib/campaigns/send-campaign";

export function PreviewButton({ campaignId, actionId, prospectName }: { campaignId: string; actionId: string; prospectName: string }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [preview, setPreview] = useState<CampaignPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const open = () => {
    setError(null);
    dialogRef.current?.showModal();
    startTransition(async () => {
      try {
        const result = await previewCampaignActionAction({ campaignId, actionId });
        if (result.ok) setPreview(result.data);
        else setError(result.error);
      } catch {
        setError("L'aperçu n'a pas pu être chargé. Vérifiez votre connexion et réessayez.");
      }
    });
  };

  return (
    <>
      <Button variant="ghost" size="sm" aria-haspopup="dialog" aria-label={`Aperçu de l'e-mail pour ${prospectName}`} onClick={open}>
        Aperçu
      </Button>
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        className="m-auto w-[min(48rem,calc(100vw-2rem))] whitespace-normal rounded-lg border border-slate-200 bg-white p-0 text-left font-normal shadow-xl backdrop:bg-slate-900/40"
      >
        <div className="flex max-h-[85vh] flex-col gap-3 overflow-y-auto p-5">
          <h2 id={titleId} className="text-base font-semibold text-slate-900">
            Aperçu de l&apos;e-mail — {prospectName}
          </h2>
          <div role="status" aria-atomic="true" className="text-sm text-slate-700">
            {pending ? "Chargement de l'aperçu…" : null}
            {error ? <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-800">{error}</p> : null}
          </div>
          {!pending && preview ? (
            preview.ok ? (
              <>
                <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                  <dt className="text-slate-500">À</dt>
                  <dd className="text-slate-900">{preview.to}</dd>
                  <dt className="text-slate-500">Objet</dt>
                  <dd className="text-slate-900">{preview.subject}</dd>
                </dl>
                <iframe
                  title={`Message HTML pour ${prospectName}`}
                  sandbox=""
                  srcDoc={preview.html}
                  className="h-96 w-full rounded-md border border-slate-200"
                />
                <details>
                  <summary className="cursor-pointer text-sm font-medium text-slate-700">Version texte</summary>
                  <pre className="mt-2 whitespace-pre-wrap rounded-md bg-slate-50 p-3 text-xs text-slate-800">{preview.text}</pre>
                </details>
              </>
            ) : (
              <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800">
                Cet e-mail ne partira pas : {SKIP_REASON_LABELS[preview.reason].toLowerCase()}.
              </p>
            )
          ) : null}
          <div className="flex justify-end">
            <Button variant="secondary" onClick={() => dialogRef.current?.close()} autoFocus>
              Fermer
            </Button>
          </div>
        </div>
      </dialog>
    </>
  );
}
