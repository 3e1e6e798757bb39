"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { useRouter } from "next/navigation";
import { ProspectPicker } from "@/components/actions/prospect-picker";
import { Button } from "@/components/ui/button";
import { DateTimeInput } from "@/components/ui/date-time-input";
import { controlClasses, Field, SelectInput } from "@/components/ui/field";
import { createActionAction } from "@/lib/actions/actions";
import type { ActionTypeOption, ProspectOption } from "@/lib/actions/queries";
import { createActionSchema, type CreateActionInput, type CreateActionValues } from "@/lib/actions/schemas";
import { cn } from "@/lib/cn";
import { submitAction } from "@/lib/forms/submit-action";

const NETWORK_ERROR = "L'action n'a pas pu être enregistrée. Vérifiez votre connexion et réessayez.";

type Props = {
  typeOptions: ActionTypeOption[];
  // "fixed": the « Actions » tab of one prospect; "picker": the dashboard's form, which
  // chooses the prospect and goes back to the dashboard once saved.
  prospect: { mode: "fixed"; id: string } | { mode: "picker"; initial: ProspectOption | null };
  successHref?: string;
};

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="text-sm text-red-700">
      {message}
    </p>
  ) : null;
}

// « Ajouter une action »: type, subject, date and time (Paris), note.
export function ActionForm({ typeOptions, prospect, successHref = "/?action=ajoutee" }: Props) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);
  const base = useId();
  const ids = {
    prospect: `${base}-prospect`,
    type: `${base}-type`,
    subject: `${base}-objet`,
    scheduledAt: `${base}-date`,
    notes: `${base}-note`,
  };
  const initialProspectId = prospect.mode === "fixed" ? prospect.id : (prospect.initial?.id ?? "");
  const {
    register,
    handleSubmit,
    reset,
    setValue,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CreateActionInput, unknown, CreateActionValues>({
    resolver: zodResolver(createActionSchema),
    defaultValues: {
      prospectId: initialProspectId,
      typeId: typeOptions[0]?.id ?? "",
      subject: "",
      scheduledAt: "",
      notes: "",
    },
  });

  async function onSubmit(values: CreateActionValues) {
    setFormError(null);
    setSuccess(null);
    const saved = await submitAction(() => createActionAction(values), {
      fields: Object.keys(ids),
      setError,
      setFormError,
      networkError: NETWORK_ERROR,
    });
    if (!saved) return;
    if (prospect.mode === "picker") {
      setLeaving(true);
      router.push(successHref);
      return;
    }
    reset({ prospectId: initialProspectId, typeId: values.typeId, subject: "", scheduledAt: "", notes: "" });
    setSuccess("L'action a été ajoutée.");
    router.refresh();
  }

  const busy = isSubmitting || leaving;
  const described = (id: string, hasError: boolean, hint?: string) =>
    cn(hint, hasError && `${id}-erreur`) || undefined;

  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)}>
      <div role="alert" aria-atomic="true">
        {formError ? (
          <p className="mb-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{formError}</p>
        ) : null}
      </div>
      <div role="status" aria-atomic="true">
        {success ? (
          <p className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{success}</p>
        ) : null}
      </div>
      <div className="flex flex-col gap-4">
        {prospect.mode === "picker" ? (
          <Field id={ids.prospect} label="Prospect">
            <input type="hidden" {...register("prospectId")} />
            <ProspectPicker
              id={ids.prospect}
              initial={prospect.initial}
              invalid={Boolean(errors.prospectId)}
              describedBy={described(ids.prospect, Boolean(errors.prospectId))}
              onChange={(option) => setValue("prospectId", option?.id ?? "", { shouldValidate: Boolean(errors.prospectId) })}
            />
            <FieldError id={`${ids.prospect}-erreur`} message={errors.prospectId?.message} />
          </Field>
        ) : (
          <input type="hidden" {...register("prospectId")} />
        )}

        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <SelectInput
            id={ids.type}
            label="Type"
            options={typeOptions.map((t) => ({ value: t.id, label: t.name }))}
            error={errors.typeId?.message}
            {...register("typeId")}
          />
          <Field id={ids.scheduledAt} label="Date et heure" hint="Heure de Paris.">
            <DateTimeInput
              id={ids.scheduledAt}
              aria-invalid={errors.scheduledAt ? true : undefined}
              aria-describedby={described(ids.scheduledAt, Boolean(errors.scheduledAt), `${ids.scheduledAt}-aide`)}
              {...register("scheduledAt")}
            />
            <FieldError id={`${ids.scheduledAt}-erreur`} message={errors.scheduledAt?.message} />
          </Field>
        </div>

        <Field id={ids.subject} label="Objet">
          <input
            id={ids.subject}
            type="text"
            maxLength={200}
            aria-invalid={errors.subject ? true : undefined}
            aria-describedby={described(ids.subject, Boolean(errors.subject))}
            className={controlClasses}
            {...register("subject")}
          />
          <FieldError id={`${ids.subject}-erreur`} message={errors.subject?.message} />
        </Field>

        <Field id={ids.notes} label="Note (facultative)">
          <textarea
            id={ids.notes}
            rows={3}
            aria-invalid={errors.notes ? true : undefined}
            aria-describedby={described(ids.notes, Boolean(errors.notes))}
            className={cn(controlClasses, "h-auto py-2")}
            {...register("notes")}
          />
          <FieldError id={`${ids.notes}-erreur`} message={errors.notes?.message} />
        </Field>

        <div>
          <Button type="submit" disabled={busy || typeOptions.length === 0} aria-busy={busy}>
            {busy ? "Enregistrement…" : "Ajouter l'action"}
          </Button>
        </div>
      </div>
    </form>
  );
}
