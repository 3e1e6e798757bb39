"use client";

import { useRef } from "react";
import { FILE_INPUT_ACCEPT, formatFileSize } from "@/lib/attachments/labels";
import { ONBOARDING_DOCUMENTS, type OnboardingDocumentField } from "@/lib/onboarding/schemas";
import { buttonClasses } from "@/components/ui/button";
import { FieldError } from "@/components/onboarding/form-controls";

type Props = {
  files: Record<OnboardingDocumentField, File | null>;
  errors: Record<string, string | undefined>;
  maxBytes: number;
  onChange: (field: OnboardingDocumentField, file: File | null) => void;
};

// Step 2: the three documents. A chosen file stays chosen when the client goes back and forth.
export function StepDocuments({ files, errors, maxBytes, onChange }: Props) {
  return (
    <div className="flex flex-col gap-5">
      <p className="text-sm text-slate-600">
        PDF ou photo lisible, {formatFileSize(maxBytes)} maximum par document. Sur téléphone, vous pouvez prendre la photo
        directement.
      </p>
      {ONBOARDING_DOCUMENTS.map((doc) => (
        <DocumentInput
          key={doc.field}
          field={doc.field}
          label={doc.label}
          hint={doc.hint}
          file={files[doc.field]}
          error={errors[doc.field]}
          onChange={(file) => onChange(doc.field, file)}
        />
      ))}
    </div>
  );
}

function DocumentInput({
  field,
  label,
  hint,
  file,
  error,
  onChange,
}: {
  field: OnboardingDocumentField;
  label: string;
  hint: string;
  file: File | null;
  error: string | undefined;
  onChange: (file: File | null) => void;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  const describedBy = [`${field}-aide`, file ? `${field}-choisi` : null, error ? `${field}-erreur` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div
      className={
        error
          ? "flex flex-col gap-2 rounded-lg border border-red-300 bg-red-50/40 p-4"
          : "flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4"
      }
    >
      <label htmlFor={field} className="text-base font-medium text-slate-900">
        {label}
      </label>
      <p id={`${field}-aide`} className="text-sm text-slate-600">
        {hint}
      </p>
      {file ? (
        <p id={`${field}-choisi`} className={error ? "flex items-center gap-2 text-sm text-slate-700" : "flex items-center gap-2 text-sm text-emerald-800"}>
          {error ? <span>Fichier choisi :</span> : <span aria-hidden="true">✓</span>}
          <span className="min-w-0 break-all">
            {file.name} ({formatFileSize(file.size)})
          </span>
        </p>
      ) : null}
      <input
        ref={inputRef}
        id={field}
        name={field}
        type="file"
        accept={FILE_INPUT_ACCEPT}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="block w-full text-sm text-slate-700 file:mr-3 file:h-11 file:rounded-md file:border-0 file:bg-brand-600 file:px-4 file:text-sm file:font-medium file:text-white hover:file:bg-brand-700"
        onChange={(event) => onChange(event.target.files?.[0] ?? null)}
      />
      {file ? (
        <button
          type="button"
          className={buttonClasses("ghost", "sm", "self-start")}
          onClick={() => {
            if (inputRef.current) inputRef.current.value = "";
            onChange(null);
          }}
        >
          Retirer ce document
        </button>
      ) : null}
      <FieldError id={`${field}-erreur`} message={error} />
    </div>
  );
}
