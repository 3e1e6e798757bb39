"use client";

// The reviewer's side of « Corrections du client »: per field, accept or reject (with a reason),
// or accept all. A correction of the link's e-mail needs its own confirmation box ticked.
import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { controlClasses } from "@/components/ui/field";
import type { ActionResult } from "@/lib/action-result";
import { acceptCorrectionsAction, rejectCorrectionAction } from "@/lib/corrections/actions";
import { correctionFieldLabel } from "@/lib/corrections/fields";
import { formatDateTime } from "@/lib/format";
import type { CorrectionsBlockData, PendingCorrection } from "@/lib/corrections/queries";

const NETWORK_ERROR = "La décision n'a pas été enregistrée. Vérifiez votre connexion et réessayez.";

export function CorrectionsReview({ data }: { data: CorrectionsBlockData }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [confirmSensitive, setConfirmSensitive] = useState(false);
  const [rejecting, setRejecting] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const confirmId = useId();
  const reasonId = useId();
  const hasSensitive = data.corrections.some((c) => c.sensitive);

  function run(call: () => Promise<ActionResult<unknown>>) {
    setError(null);
    startTransition(async () => {
      let result: ActionResult<unknown>;
      try {
        result = await call();
      } catch {
        setError(NETWORK_ERROR);
        return;
      }
      if (!result.ok) {
        setError(result.error);
        return;
      }
      // The whole file (the wizard's form included) must show the values just written.
      window.location.reload();
    });
  }

  const accept = (ids: string[]) =>
    run(() => acceptCorrectionsAction({ prospectId: data.prospectId, version: data.version, correctionIds: ids, confirmSensitive }));

  const reject = (correction: PendingCorrection) =>
    run(() => rejectCorrectionAction({ prospectId: data.prospectId, correctionId: correction.id, reason }));

  return (
    <div className="flex flex-col gap-3">
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <ul className="divide-y divide-slate-200">
        {data.corrections.map((c) => {
          const label = correctionFieldLabel(c.field);
          return (
            <li key={c.id} className="flex flex-col gap-2 py-3">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium text-slate-900">{label}</span>
                <span className="text-xs text-slate-500">Source : Client · {formatDateTime(c.createdAt)}</span>
                {c.sensitive ? <Badge tone="warning">Sensible</Badge> : null}
              </div>
              <p className="text-sm text-slate-700">
                <span className="line-through decoration-slate-400">{c.oldDisplay}</span>
                <span aria-hidden="true"> → </span>
                <span className="sr-only"> remplacé par </span>
                <strong>{c.newDisplay}</strong>
              </p>
              {rejecting === c.id ? (
                <div className="flex flex-wrap items-end gap-2">
                  <div className="flex min-w-64 flex-1 flex-col gap-1">
                    <label htmlFor={`${reasonId}-${c.id}`} className="text-sm font-medium text-slate-700">
                      Motif du refus
                    </label>
                    <input
                      id={`${reasonId}-${c.id}`}
                      className={controlClasses}
                      value={reason}
                      maxLength={500}
                      onChange={(e) => setReason(e.target.value)}
                    />
                  </div>
                  <Button variant="secondary" size="sm" disabled={pending} onClick={() => reject(c)}>
                    Confirmer le refus
                  </Button>
                  <Button variant="ghost" size="sm" disabled={pending} onClick={() => setRejecting(null)}>
                    Annuler
                  </Button>
                </div>
              ) : (
                <div className="flex flex-wrap gap-2">
                  <Button size="sm" disabled={pending} onClick={() => accept([c.id])} aria-label={`Accepter la correction : ${label}`}>
                    Accepter
                  </Button>
                  <Button
                    variant="secondary"
                    size="sm"
                    disabled={pending}
                    onClick={() => {
                      setRejecting(c.id);
                      setReason("");
                    }}
                    aria-label={`Refuser la correction : ${label}`}
                  >
                    Refuser
                  </Button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {hasSensitive ? (
        <div className="flex items-start gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <input
            id={confirmId}
            type="checkbox"
            className="mt-1"
            checked={confirmSensitive}
            onChange={(e) => setConfirmSensitive(e.target.checked)}
          />
          <label htmlFor={confirmId}>
            Je confirme le changement d&apos;adresse e-mail du contact : les prochains messages au client partiront à la nouvelle adresse.
          </label>
        </div>
      ) : null}
      {data.corrections.length > 1 ? (
        <div>
          <Button disabled={pending} onClick={() => accept(data.corrections.map((c) => c.id))}>
            Tout accepter
          </Button>
        </div>
      ) : null}
    </div>
  );
}
