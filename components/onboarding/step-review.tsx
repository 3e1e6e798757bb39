"use client";

import { formatFileSize } from "@/lib/attachments/labels";
import {
  CONSENT_LABEL,
  ONBOARDING_DOCUMENTS,
  type OnboardingDocumentField,
  type OnboardingTextField,
} from "@/lib/onboarding/schemas";
import { FieldError } from "@/components/onboarding/form-controls";

type Props = {
  values: Record<OnboardingTextField, string>;
  files: Record<OnboardingDocumentField, File | null>;
  siren: string | null;
  consent: boolean;
  error: string | undefined;
  onConsentChange: (value: boolean) => void;
  onEdit: (step: 1 | 2) => void;
};

// Step 3: one last look at what will be sent, and the consent box.
export function StepReview({ values, files, siren, consent, error, onConsentChange, onEdit }: Props) {
  const rows: { label: string; value: string }[] = [
    { label: "Raison sociale", value: values.legalName },
    ...(siren ? [{ label: "SIREN", value: siren }] : []),
    { label: "Adresse", value: `${values.street}, ${values.postalCode} ${values.city}` },
    { label: "Représentant légal", value: `${values.representativeFirstName} ${values.representativeLastName}` },
    { label: "E-mail", value: values.email },
    { label: "Téléphone", value: values.phone },
  ];
  return (
    <div className="flex flex-col gap-5">
      <section aria-labelledby="recap-infos" className="rounded-lg border border-slate-200 bg-white p-4">
        <div className="mb-3 flex items-center justify-between gap-2">
          <h3 id="recap-infos" className="text-base font-semibold text-slate-900">
            Vos informations
          </h3>
          <button type="button" className="text-sm font-medium text-brand-700 underline" onClick={() => onEdit(1)}>
            Modifier<span className="sr-only"> vos informations</span>
          </button>
        </div>
        <dl className="flex flex-col gap-2 text-sm">
          {rows.map((row) => (
            <div key={row.label} className="flex flex-col sm:flex-row sm:gap-3">
              <dt className="shrink-0 text-slate-500 sm:w-40">{row.label}</dt>
              <dd className="break-words text-slate-900">{row.value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="recap-documents" className="rounded-lg border border-slate-200 bg-white p-4">
        <div className="mb-3 flex items-center justify-between gap-2">
          <h3 id="recap-documents" className="text-base font-semibold text-slate-900">
            Vos documents
          </h3>
          <button type="button" className="text-sm font-medium text-brand-700 underline" onClick={() => onEdit(2)}>
            Modifier<span className="sr-only"> vos documents</span>
          </button>
        </div>
        <ul className="flex flex-col gap-2 text-sm">
          {ONBOARDING_DOCUMENTS.map((doc) => {
            const file = files[doc.field];
            return (
              <li key={doc.field} className="flex flex-col sm:flex-row sm:gap-3">
                <span className="shrink-0 text-slate-500 sm:w-40">{doc.label}</span>
                <span className="break-all text-slate-900">{file ? `${file.name} (${formatFileSize(file.size)})` : "—"}</span>
              </li>
            );
          })}
        </ul>
      </section>

      <div className="flex flex-col gap-1">
        <div className="flex items-start gap-3">
          <input
            id="consent"
            name="consent"
            type="checkbox"
            checked={consent}
            onChange={(event) => onConsentChange(event.target.checked)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "consent-erreur" : undefined}
            className="mt-0.5 h-6 w-6 shrink-0 rounded border-slate-400 accent-brand-600"
          />
          <label htmlFor="consent" className="text-sm text-slate-800">
            {CONSENT_LABEL}
          </label>
        </div>
        <FieldError id="consent-erreur" message={error} />
      </div>
    </div>
  );
}
