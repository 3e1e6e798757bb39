"use client";

import { useId, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { controlClasses, Field } from "@/components/ui/field";
import type { ActionResult } from "@/lib/action-result";
import { cn } from "@/lib/cn";
import {
  ALLOWED_TYPES_DESCRIPTION,
  ATTACHMENT_CATEGORIES,
  ATTACHMENT_CATEGORY_LABELS,
  EMPTY_FILE_MESSAGE,
  FILE_INPUT_ACCEPT,
  fileTooLargeMessage,
  formatFileSize,
  MISSING_FILE_MESSAGE,
} from "@/lib/attachments/labels";
import { uploadAttachmentFieldsSchema } from "@/lib/attachments/schemas";

const NETWORK_ERROR = "Le fichier n'a pas pu être envoyé. Vérifiez votre connexion et réessayez.";

type Errors = { form?: string; file?: string; category?: string };

// Sends the file to POST /api/attachments. The size is checked here first so nobody waits for
// a 15 MB upload to be refused; the server checks everything again, including the real type.
export function UploadAttachmentForm({ prospectId, maxBytes }: { prospectId: string; maxBytes: number }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const fileInputRef = useRef<HTMLInputElement>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [success, setSuccess] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { category: useId(), file: useId() };

  function checkFile(file: File | undefined): string | undefined {
    if (!file) return MISSING_FILE_MESSAGE;
    if (file.size === 0) return EMPTY_FILE_MESSAGE;
    if (file.size > maxBytes) return fileTooLargeMessage(maxBytes);
    return undefined;
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSuccess(null);
    const form = new FormData(event.currentTarget);
    const file = fileInputRef.current?.files?.[0];
    const fields = uploadAttachmentFieldsSchema.safeParse({ prospectId, category: form.get("category") });
    const fileError = checkFile(file);
    if (!fields.success || fileError) {
      setErrors({ file: fileError, category: fields.success ? undefined : fields.error.issues[0]?.message });
      (fileError ? fileInputRef.current : event.currentTarget.querySelector("select"))?.focus();
      return;
    }
    form.set("prospectId", prospectId);

    setErrors({});
    setBusy(true);
    try {
      const response = await fetch("/api/attachments", {
        method: "POST",
        body: form,
        headers: { Accept: "application/json" },
      });
      const result = (await response.json().catch(() => null)) as ActionResult<{ id: string }> | null;
      if (!result) {
        setErrors({ form: response.status === 413 ? fileTooLargeMessage(maxBytes) : NETWORK_ERROR });
        return;
      }
      if (!result.ok) {
        setErrors({ form: result.fieldErrors.file ? undefined : result.error, file: result.fieldErrors.file?.[0] });
        if (result.fieldErrors.file) fileInputRef.current?.focus();
        return;
      }
      formRef.current?.reset();
      setSuccess(`« ${file!.name} » a été ajouté aux pièces jointes.`);
      router.refresh();
    } catch {
      setErrors({ form: NETWORK_ERROR });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} className="border-b border-slate-200 px-4 py-4">
      <div role="alert" aria-atomic="true">
        {errors.form ? (
          <p className="mb-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{errors.form}</p>
        ) : null}
      </div>
      <div role="status" aria-atomic="true">
        {success ? (
          <p className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{success}</p>
        ) : null}
      </div>
      <div className="flex flex-col gap-4">
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-[minmax(0,14rem)_minmax(0,1fr)]">
          <Field id={ids.category} label="Catégorie">
            <select
              id={ids.category}
              name="category"
              defaultValue="GENERAL"
              aria-invalid={errors.category ? true : undefined}
              aria-describedby={errors.category ? `${ids.category}-erreur` : undefined}
              className={cn(controlClasses, "pr-8")}
            >
              {ATTACHMENT_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {ATTACHMENT_CATEGORY_LABELS[c]}
                </option>
              ))}
            </select>
            {errors.category ? (
              <p id={`${ids.category}-erreur`} className="text-sm text-red-700">
                {errors.category}
              </p>
            ) : null}
          </Field>
          <Field
            id={ids.file}
            label="Fichier"
            hint={`${ALLOWED_TYPES_DESCRIPTION}. ${formatFileSize(maxBytes)} au maximum.`}
          >
            <input
              ref={fileInputRef}
              id={ids.file}
              name="file"
              type="file"
              accept={FILE_INPUT_ACCEPT}
              required
              aria-invalid={errors.file ? true : undefined}
              aria-describedby={cn(`${ids.file}-aide`, errors.file && `${ids.file}-erreur`)}
              onChange={(event) => {
                setSuccess(null);
                setErrors({ file: event.target.files?.[0] ? checkFile(event.target.files[0]) : undefined });
              }}
              className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-2 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-50"
            />
            {errors.file ? (
              <p id={`${ids.file}-erreur`} className="text-sm text-red-700">
                {errors.file}
              </p>
            ) : null}
          </Field>
        </div>
        <div>
          <Button type="submit" disabled={busy} aria-busy={busy}>
            {busy ? "Envoi en cours…" : "Joindre le fichier"}
          </Button>
        </div>
      </div>
    </form>
  );
}
