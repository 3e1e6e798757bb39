"use client";

// Enrolment in three steps: show the QR code and the secret, confirm with a first code, then
// show the ten recovery codes once.
import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { FormMessages } from "@/components/actions/form-messages";
import { TextField } from "@/components/accounts/form-controls";
import { Button } from "@/components/ui/button";
import { confirmTotpEnrolmentAction, startTotpEnrolmentAction } from "@/lib/accounts/mfa-actions";
import { totpCodeSchema, type TotpCodeInput } from "@/lib/accounts/schemas";
import type { Enrolment } from "@/lib/accounts/totp";
import { submitAction } from "@/lib/forms/submit-action";

export function TotpEnrolment({ pending, continueHref }: { pending: Enrolment | null; continueHref: string }) {
  const [enrolment, setEnrolment] = useState<Enrolment | null>(pending);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [starting, startTransition] = useTransition();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TotpCodeInput>({ resolver: zodResolver(totpCodeSchema), defaultValues: { code: "" } });

  if (recoveryCodes) {
    return (
      <div className="flex flex-col gap-4">
        <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          La double authentification est activée.
        </p>
        <div>
          <h2 className="text-base font-semibold text-slate-900">Vos codes de secours</h2>
          <p className="mt-1 text-sm text-slate-600">
            Notez-les et gardez-les en lieu sûr : chacun permet une connexion si vous n&apos;avez plus votre téléphone. Ils ne seront plus jamais affichés.
          </p>
          <ul aria-label="Codes de secours" className="mt-3 grid grid-cols-2 gap-2 font-mono text-sm">
            {recoveryCodes.map((code) => (
              <li key={code} className="rounded bg-slate-100 px-2 py-1 text-slate-900">
                {code}
              </li>
            ))}
          </ul>
        </div>
        <a href={continueHref} className="inline-flex h-10 items-center justify-center rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700">
          J&apos;ai noté mes codes, continuer
        </a>
      </div>
    );
  }

  if (!enrolment) {
    return (
      <div className="flex flex-col gap-3">
        <FormMessages error={formError} />
        <p className="text-sm text-slate-700">
          Installez une application d&apos;authentification (par exemple FreeOTP, Aegis, Google Authenticator ou Microsoft Authenticator) sur votre téléphone, puis
          commencez.
        </p>
        <div>
          <Button
            disabled={starting}
            aria-busy={starting}
            onClick={() =>
              startTransition(async () => {
                setFormError(null);
                const result = await startTotpEnrolmentAction().catch(() => null);
                if (result?.ok) setEnrolment(result.data);
                else setFormError(result?.error ?? "La demande n'a pas abouti. Réessayez.");
              })
            }
          >
            {starting ? "Préparation…" : "Commencer"}
          </Button>
        </div>
      </div>
    );
  }

  async function onSubmit(values: TotpCodeInput) {
    setFormError(null);
    const result = await submitAction(() => confirmTotpEnrolmentAction(values), { fields: ["code"], setError, setFormError });
    if (result) setRecoveryCodes(result.data.recoveryCodes);
  }

  return (
    <div className="flex flex-col gap-4">
      <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-700">
        <li>Dans votre application, ajoutez un compte en scannant ce code QR.</li>
        <li>Ou saisissez la clé ci-dessous à la main.</li>
        <li>Saisissez le code à 6 chiffres que l&apos;application affiche.</li>
      </ol>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server, not an optimisable asset */}
      <img src={enrolment.qrDataUrl} alt="Code QR à scanner avec votre application d'authentification" width={220} height={220} className="self-center rounded border border-slate-200" />
      <p className="text-sm text-slate-700">
        Clé : <code data-testid="totp-secret" className="break-all rounded bg-slate-100 px-1.5 py-0.5 font-mono text-slate-900">{enrolment.secret}</code>
      </p>
      <form noValidate onSubmit={handleSubmit(onSubmit)} className="flex flex-col gap-4">
        <FormMessages error={formError} />
        <TextField id="code" label="Code de vérification" inputMode="numeric" autoComplete="one-time-code" error={errors.code?.message} registration={register("code")} />
        <div>
          <Button type="submit" disabled={isSubmitting} aria-busy={isSubmitting}>
            {isSubmitting ? "Vérification…" : "Activer la double authentification"}
          </Button>
        </div>
      </form>
    </div>
  );
}
