"use client";

import { createContext, use, useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/action-result";
import { assignProspectAction, moveProspectStageAction, resendOnboardingLinkAction } from "@/lib/onboarding/actions";
import type { TriageRow } from "@/lib/onboarding/triage-queries";
import { Button } from "@/components/ui/button";
import { controlBaseClasses } from "@/components/ui/field";
import { cn } from "@/lib/cn";

export type Rep = { id: string; name: string };

export type PanelIntent = "view" | "assign" | "resend";

// What every row's actions share: the reps to assign to, who is signed in, and how to open a
// file's side panel (for the actions that need more than one click).
export const TriageContext = createContext<{ reps: Rep[]; actorId: string; openPanel?: (id: string, intent: PanelIntent) => void }>({
  reps: [],
  actorId: "",
});

type Feedback = { tone: "ok" | "error"; message: string } | null;

// One file's actions in the inbox: take it or hand it to a rep, send the client a fresh link
// (after a confirmation, since the old one stops working), and move it along the stages.
export function TriageRowActions({ row, intent = "view" }: { row: TriageRow; intent?: PanelIntent }) {
  const { reps, actorId } = use(TriageContext);
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [confirmingResend, setConfirmingResend] = useState(intent === "resend");
  const [ownerId, setOwnerId] = useState("");
  const selectId = useId();

  function run<T>(action: () => Promise<ActionResult<T>>, success: string) {
    setFeedback(null);
    startTransition(async () => {
      const result = await action();
      if (result.ok) {
        setOwnerId("");
        setFeedback({ tone: "ok", message: success });
        router.refresh();
      } else {
        setFeedback({ tone: "error", message: result.error });
      }
    });
  }

  const isMine = row.owner?.id === actorId;
  const hasLink = row.onboarding !== "none";

  return (
    <div className="flex min-w-64 flex-col gap-2 whitespace-normal">
      <div className="flex flex-wrap items-center gap-2">
        {!isMine ? (
          <Button
            size="sm"
            variant="secondary"
            disabled={pending}
            onClick={() => run(() => assignProspectAction({ prospectId: row.id, ownerId: actorId }), "Dossier attribué à vous.")}
          >
            M&apos;attribuer
          </Button>
        ) : null}
        <form
          className="flex items-center gap-1"
          onSubmit={(event) => {
            event.preventDefault();
            if (!ownerId) return setFeedback({ tone: "error", message: "Choisissez un commercial." });
            const name = reps.find((r) => r.id === ownerId)?.name ?? "ce commercial";
            run(() => assignProspectAction({ prospectId: row.id, ownerId }), `Dossier attribué à ${name}.`);
          }}
        >
          <label htmlFor={selectId} className="sr-only">
            Attribuer {row.name} à
          </label>
          <select
            id={selectId}
            autoFocus={intent === "assign"}
            value={ownerId}
            onChange={(event) => setOwnerId(event.target.value)}
            className={cn(controlBaseClasses, "h-8 w-36 pr-7")}
          >
            <option value="">Attribuer à…</option>
            {reps.map((rep) => (
              <option key={rep.id} value={rep.id}>
                {rep.name}
              </option>
            ))}
          </select>
          <Button type="submit" size="sm" variant="ghost" disabled={pending || !ownerId || ownerId === row.owner?.id}>
            Attribuer
          </Button>
        </form>
      </div>

      <div className="flex flex-wrap items-center gap-2">
        {row.stage === "PROSPECT" ? (
          <Button
            size="sm"
            variant="secondary"
            disabled={pending}
            onClick={() => run(() => moveProspectStageAction({ prospectId: row.id, stage: "ONBOARDING" }), "Dossier passé en inscription.")}
          >
            Passer en inscription
          </Button>
        ) : row.stage === "ONBOARDING" ? (
          <Button
            size="sm"
            variant="secondary"
            disabled={pending}
            onClick={() => run(() => moveProspectStageAction({ prospectId: row.id, stage: "CLIENT" }), "Dossier passé en client.")}
          >
            Passer en client
          </Button>
        ) : null}
        {!confirmingResend ? (
          <Button size="sm" variant="ghost" disabled={pending} onClick={() => setConfirmingResend(true)}>
            {hasLink ? "Renvoyer le lien" : "Envoyer le lien"}
          </Button>
        ) : null}
      </div>

      {confirmingResend ? (
        <div role="group" aria-label="Confirmer l'envoi du lien" className="rounded-md border border-amber-200 bg-amber-50 p-2 text-sm text-amber-900">
          <p>
            {hasLink
              ? "Un nouveau lien sera envoyé au contact favori ; le lien précédent ne fonctionnera plus."
              : "Un lien d'inscription sera envoyé au contact favori."}
          </p>
          <div className="mt-2 flex gap-2">
            <Button
              size="sm"
              autoFocus
              disabled={pending}
              onClick={() => {
                setConfirmingResend(false);
                run(() => resendOnboardingLinkAction({ prospectId: row.id }), "Nouveau lien envoyé au client.");
              }}
            >
              Oui, envoyer
            </Button>
            <Button size="sm" variant="secondary" onClick={() => setConfirmingResend(false)}>
              Annuler
            </Button>
          </div>
        </div>
      ) : null}

      <p role="status" aria-live="polite" className={cn("text-xs", feedback?.tone === "error" ? "text-red-700" : "text-emerald-700")}>
        {pending ? "Enregistrement…" : (feedback?.message ?? "")}
      </p>
    </div>
  );
}
