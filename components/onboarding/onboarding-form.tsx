"use client";

import { useEffect, useRef, useState } from "react";
import {
  CONSENT_REQUIRED_MESSAGE,
  missingDocumentMessage,
  ONBOARDING_DOCUMENTS,
  onboardingDetailsSchema,
  type OnboardingDocumentField,
  type OnboardingTextField,
} from "@/lib/onboarding/schemas";
import { EMPTY_FILE_MESSAGE, fileTooLargeMessage } from "@/lib/attachments/labels";
import { InvalidLinkMessage } from "@/components/onboarding/invalid-link-message";
import { ONBOARDING_STEPS, ProgressSteps } from "@/components/onboarding/progress-steps";
import { sendOnboardingForm } from "@/components/onboarding/send-form";
import { StepDetails } from "@/components/onboarding/step-details";
import { StepDocuments } from "@/components/onboarding/step-documents";
import { StepReview } from "@/components/onboarding/step-review";

type Step = 1 | 2 | 3;

// Larger than the app's buttons: thumbs on a phone, not a mouse.
const BUTTON = "inline-flex h-12 items-center justify-center rounded-md px-5 text-base font-medium shadow-sm disabled:opacity-50";
const PRIMARY_BUTTON = `${BUTTON} bg-brand-600 text-white hover:bg-brand-700 sm:min-w-48`;
const SECONDARY_BUTTON = `${BUTTON} border border-slate-300 bg-white text-slate-800 hover:bg-slate-50`;
type Errors = Record<string, string | undefined>;

const TEXT_FIELDS = Object.keys(onboardingDetailsSchema.shape) as OnboardingTextField[];
const NO_FILES = { idDocument: null, kbis: null, rib: null } satisfies Record<OnboardingDocumentField, File | null>;

export type OnboardingFormProps = {
  companyName: string;
  siren: string | null;
  initial: Record<OnboardingTextField, string>;
  maxBytes: number;
  expiresAtLabel: string;
};

function stepOf(field: string): Step {
  if ((TEXT_FIELDS as string[]).includes(field)) return 1;
  if (ONBOARDING_DOCUMENTS.some((d) => d.field === field)) return 2;
  return 3;
}

// The client's three steps in one form: every step stays in the page (hidden when not current),
// so what was typed and the files chosen survive going back and forth and any error.
export function OnboardingForm({ companyName, siren, initial, maxBytes, expiresAtLabel }: OnboardingFormProps) {
  const [step, setStep] = useState<Step>(1);
  const [values, setValues] = useState(initial);
  const [files, setFiles] = useState<Record<OnboardingDocumentField, File | null>>(NO_FILES);
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [linkInvalid, setLinkInvalid] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const pendingFocus = useRef<string | null>(null);

  // After a step change, focus goes to the first field in error, or to the step's heading.
  useEffect(() => {
    const target = pendingFocus.current;
    pendingFocus.current = null;
    if (target) document.getElementById(target)?.focus();
    else headingRef.current?.focus();
  }, [step, errors]);

  function goTo(next: Step, focus: string | null = null) {
    pendingFocus.current = focus;
    setFormError(null);
    setStep(next);
  }

  function checkDetails(): Errors {
    const parsed = onboardingDetailsSchema.safeParse(values);
    const found: Errors = {};
    if (!parsed.success) for (const issue of parsed.error.issues) found[String(issue.path[0])] ??= issue.message;
    return found;
  }

  function checkDocuments(): Errors {
    const found: Errors = {};
    for (const doc of ONBOARDING_DOCUMENTS) {
      const file = files[doc.field];
      if (!file) found[doc.field] = missingDocumentMessage(doc.label);
      else if (file.size === 0) found[doc.field] = EMPTY_FILE_MESSAGE;
      else if (file.size > maxBytes) found[doc.field] = fileTooLargeMessage(maxBytes);
    }
    return found;
  }

  function showErrors(found: Errors, message: string | null) {
    const first = Object.keys(found)[0];
    pendingFocus.current = first ?? null;
    setErrors(found);
    setFormError(message);
    if (first) setStep(stepOf(first));
  }

  function next() {
    const found = step === 1 ? checkDetails() : checkDocuments();
    if (Object.keys(found).length > 0) return showErrors(found, null);
    setErrors({});
    goTo((step + 1) as Step);
  }

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (step !== 3) return next();
    const found = { ...checkDetails(), ...checkDocuments(), ...(consent ? {} : { consent: CONSENT_REQUIRED_MESSAGE }) };
    if (Object.keys(found).length > 0) return showErrors(found, null);

    const body = new FormData();
    for (const field of TEXT_FIELDS) body.set(field, values[field]);
    for (const doc of ONBOARDING_DOCUMENTS) body.set(doc.field, files[doc.field]!);
    body.set("consent", "on");

    setErrors({});
    setFormError(null);
    setProgress(0);
    const result = await sendOnboardingForm("/onboarding/envoi", body, setProgress);
    if (result.ok) {
      window.location.assign(result.redirectTo);
      return;
    }
    setProgress(null);
    if (result.invalidLink) return setLinkInvalid(true);
    const serverErrors: Errors = {};
    for (const [field, messages] of Object.entries(result.fieldErrors)) serverErrors[field] = messages[0];
    showErrors(serverErrors, result.error);
  }

  if (linkInvalid) return <InvalidLinkMessage />;

  const sending = progress !== null;
  return (
    <div>
      <div className="mb-5">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Finalisez votre inscription</h1>
        <p className="mt-1 text-sm text-slate-600">
          {companyName} · moins de cinq minutes · lien valable jusqu&apos;au {expiresAtLabel}
        </p>
      </div>
      <ProgressSteps current={step} />

      <div role="alert" aria-atomic="true">
        {formError ? (
          <p className="mb-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{formError}</p>
        ) : null}
      </div>

      <form noValidate onSubmit={submit} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <h2 ref={headingRef} tabIndex={-1} className="mb-4 text-lg font-semibold text-slate-900 focus:outline-none">
          {ONBOARDING_STEPS[step - 1]}
        </h2>
        <div hidden={step !== 1}>
          <StepDetails
            values={values}
            errors={errors}
            siren={siren}
            onChange={(field, value) => setValues((v) => ({ ...v, [field]: value }))}
          />
        </div>
        <div hidden={step !== 2}>
          <StepDocuments
            files={files}
            errors={errors}
            maxBytes={maxBytes}
            onChange={(field, file) => {
              setFiles((f) => ({ ...f, [field]: file }));
              setErrors((e) => ({ ...e, [field]: undefined }));
            }}
          />
        </div>
        <div hidden={step !== 3}>
          <StepReview
            values={values}
            files={files}
            siren={siren}
            consent={consent}
            error={errors.consent}
            onConsentChange={(value) => {
              setConsent(value);
              if (value) setErrors((e) => ({ ...e, consent: undefined }));
            }}
            onEdit={(target) => goTo(target)}
          />
        </div>

        {sending ? (
          <div className="mt-6" role="status" aria-live="polite">
            <p className="mb-2 text-sm text-slate-700">Envoi en cours… {Math.round((progress ?? 0) * 100)} %</p>
            <div className="h-2 overflow-hidden rounded-full bg-slate-200" aria-hidden="true">
              <div className="h-full bg-brand-600 transition-all" style={{ width: `${Math.round((progress ?? 0) * 100)}%` }} />
            </div>
          </div>
        ) : null}

        <div className="mt-6 flex flex-col-reverse gap-3 sm:flex-row sm:justify-between">
          {step > 1 ? (
            <button type="button" className={SECONDARY_BUTTON} disabled={sending} onClick={() => goTo((step - 1) as Step)}>
              Retour
            </button>
          ) : (
            <span />
          )}
          <button type="submit" className={PRIMARY_BUTTON} disabled={sending} aria-busy={sending}>
            {step < 3 ? "Continuer" : sending ? "Envoi en cours…" : "Envoyer mon dossier"}
          </button>
        </div>
      </form>
    </div>
  );
}
