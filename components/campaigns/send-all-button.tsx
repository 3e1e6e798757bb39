"use client";

// « Envoyer tout »: after a confirmation, every pending action's e-mail is queued in one go. A
// second click (or another tab) queues nothing more: each action has one message at most.
import { useId, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { sendCampaignAction } from "@/lib/campaigns/actions";
import { SKIP_REASON_LABELS } from "@/lib/campaigns/labels";
import type { SendResult } from "@/lib/campaigns/send-campaign";

function queuedLabel(n: number): string {
  if (n === 0) return "Aucun nouvel e-mail à envoyer : ils sont déjà tous partis ou en cours d'envoi.";
  return n === 1 ? "1 e-mail est en cours d'envoi." : `${n} e-mails sont en cours d'envoi.`;
}

export function SendAllButton({ campaignId, pendingCount }: { campaignId: string; pendingCount: number }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<SendResult | null>(null);
  const [pending, startTransition] = useTransition();

  const confirm = () => {
    setError(null);
    startTransition(async () => {
      try {
        const response = await sendCampaignAction({ campaignId });
        if (!response.ok) {
          setError(response.error);
          return;
        }
        setResult(response.data);
        dialogRef.current?.close();
        router.refresh();
      } catch {
        setError("L'envoi n'a pas pu être lancé. Vérifiez votre connexion et réessayez.");
      }
    });
  };

  return (
    <div className="flex flex-col gap-3">
      <div>
        <Button
          aria-haspopup="dialog"
          disabled={pendingCount === 0}
          onClick={() => {
            setError(null);
            dialogRef.current?.showModal();
          }}
        >
          Envoyer tout
        </Button>
      </div>
      <div role="status" aria-atomic="true">
        {result ? (
          <div className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
            <p>{queuedLabel(result.queued)}</p>
            {result.notSent.length > 0 ? (
              <>
                <p className="mt-2 font-medium text-amber-800">Non envoyées, restées en attente :</p>
                <ul className="list-disc pl-5 text-amber-800">
                  {result.notSent.map((n) => (
                    <li key={n.actionId}>
                      {n.prospectName} — {SKIP_REASON_LABELS[n.reason]}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        ) : null}
      </div>
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <div className="flex flex-col gap-4 p-5">
          <h2 id={titleId} className="text-base font-semibold text-slate-900">
            Envoyer la campagne ?
          </h2>
          <p id={descriptionId} className="text-sm text-slate-700">
            {pendingCount === 1
              ? "L'e-mail de l'action en attente va partir. Il ne pourra plus être retiré."
              : `Les ${pendingCount} e-mails des actions en attente vont partir. Ils ne pourront plus être retirés.`}
          </p>
          <div role="alert" aria-atomic="true">
            {error ? <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{error}</p> : null}
          </div>
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="secondary" onClick={() => dialogRef.current?.close()} disabled={pending} autoFocus>
              Annuler
            </Button>
            <Button onClick={confirm} disabled={pending} aria-busy={pending}>
              {pending ? "Envoi…" : "Oui, envoyer"}
            </Button>
          </div>
        </div>
      </dialog>
    </div>
  );
}
