"use client";

// « Abonnement à votre agenda »: the private ICS address, shown once when created; a new one
// replaces it, and it can be revoked.
import { useId, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { controlClasses } from "@/components/ui/field";
import type { ActionResult } from "@/lib/action-result";
import { createCalendarFeedLinkAction, revokeCalendarFeedLinkAction } from "@/lib/calendar/actions";

const NETWORK_ERROR = "La demande n'a pas abouti. Vérifiez votre connexion et réessayez.";

export function FeedSubscription({ hasLink }: { hasLink: boolean }) {
  const router = useRouter();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const active = hasLink || url !== null;

  function create() {
    setError(null);
    setCopied(null);
    startTransition(async () => {
      let result: ActionResult<{ url: string }>;
      try {
        result = await createCalendarFeedLinkAction();
      } catch {
        setError(NETWORK_ERROR);
        return;
      }
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setUrl(result.data.url);
      router.refresh();
    });
  }

  async function revoke(): Promise<ActionResult<void>> {
    const result = await revokeCalendarFeedLinkAction();
    if (result.ok) {
      setUrl(null);
      setCopied(null);
    }
    return result;
  }

  async function copy() {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied("Lien copié dans le presse-papiers.");
    } catch {
      // No clipboard permission: select the text so Ctrl+C works.
      inputRef.current?.select();
      setCopied("Le lien est sélectionné : copiez-le avec Ctrl+C (ou Cmd+C).");
    }
  }

  return (
    <div className="flex flex-col gap-4 px-4 py-4 text-sm text-slate-700">
      <p className="max-w-prose">
        Abonnez votre agenda (Outlook, Google Agenda, Apple Calendrier…) à vos rendez-vous du CRM : de 90 jours en arrière à un an
        à venir, mis à jour automatiquement. Ce lien est personnel et secret : toute personne qui le connaît voit vos
        rendez-vous.
      </p>
      <div role="alert" aria-atomic="true">
        {error ? <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-800">{error}</p> : null}
      </div>

      {url ? (
        <div className="flex flex-col gap-2 rounded-md border border-emerald-200 bg-emerald-50 p-3">
          <label htmlFor={inputId} className="font-medium text-emerald-900">
            Votre lien d&apos;abonnement
          </label>
          <div className="flex flex-col gap-2 sm:flex-row">
            <input
              ref={inputRef}
              id={inputId}
              type="text"
              readOnly
              value={url}
              onFocus={(event) => event.currentTarget.select()}
              className={`${controlClasses} font-mono text-xs`}
            />
            <Button variant="secondary" onClick={copy}>
              Copier le lien
            </Button>
          </div>
          <p className="text-xs text-emerald-900">
            Il ne sera plus affiché : copiez-le maintenant. En cas de perte, générez-en un nouveau.
          </p>
          <p role="status" aria-live="polite" className="text-xs text-emerald-900">
            {copied}
          </p>
        </div>
      ) : active ? (
        <p>Un lien d&apos;abonnement est actif. Pour des raisons de sécurité, il n&apos;est plus affiché.</p>
      ) : (
        <p>Vous n&apos;avez pas de lien d&apos;abonnement.</p>
      )}

      <div className="flex flex-wrap items-center gap-2">
        {active ? (
          <>
            <Button variant="secondary" onClick={create} disabled={pending} aria-busy={pending}>
              {pending ? "Création…" : "Générer un nouveau lien"}
            </Button>
            <ConfirmActionButton
              label="Révoquer le lien"
              title="Révoquer le lien d'abonnement ?"
              description="Les agendas abonnés avec ce lien ne recevront plus vos rendez-vous. Vous pourrez en créer un nouveau."
              confirmLabel="Révoquer le lien"
              pendingLabel="Révocation…"
              action={revoke}
            />
          </>
        ) : (
          <Button onClick={create} disabled={pending} aria-busy={pending}>
            {pending ? "Création…" : "Créer mon lien d'abonnement"}
          </Button>
        )}
      </div>
      {active ? (
        <p className="text-xs text-slate-500">« Générer un nouveau lien » remplace l&apos;ancien, qui cesse aussitôt de fonctionner.</p>
      ) : null}
    </div>
  );
}
