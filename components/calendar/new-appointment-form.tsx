"use client";

// « Nouveau rendez-vous »: type (appointment types only), prospect, subject, start (Paris time,
// prefilled from the clicked slot), duration in minutes, notes.
import { zodResolver } from "@hookform/resolvers/zod";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { ProspectPicker } from "@/components/actions/prospect-picker";
import { Button } from "@/components/ui/button";
import { DateTimeInput } from "@/components/ui/date-time-input";
import { controlClasses, Field, SelectInput } from "@/components/ui/field";
import { createAppointmentAction } from "@/lib/calendar/actions";
import type { AppointmentTypeOption } from "@/lib/calendar/queries";
import {
  createAppointmentSchema,
  DEFAULT_DURATION_MINUTES,
  type CreateAppointmentInput,
  type CreateAppointmentValues,
} from "@/lib/calendar/schemas";
import { cn } from "@/lib/cn";

const NETWORK_ERROR = "Le rendez-vous n'a pas pu être enregistré. Vérifiez votre connexion et réessayez.";

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="text-sm text-red-700">
      {message}
    </p>
  ) : null;
}

export function NewAppointmentForm({
  types,
  startLocal,
  onCancel,
  onCreated,
}: {
  types: AppointmentTypeOption[];
  startLocal: string;
  onCancel: () => void;
  onCreated: () => void;
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const base = useId();
  const ids = {
    typeId: `${base}-type`,
    prospectId: `${base}-prospect`,
    subject: `${base}-objet`,
    startAt: `${base}-debut`,
    durationMinutes: `${base}-duree`,
    notes: `${base}-notes`,
  };
  const {
    register,
    handleSubmit,
    setValue,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CreateAppointmentInput, unknown, CreateAppointmentValues>({
    resolver: zodResolver(createAppointmentSchema),
    defaultValues: {
      typeId: types[0]?.id ?? "",
      prospectId: "",
      subject: "",
      startAt: startLocal,
      durationMinutes: String(DEFAULT_DURATION_MINUTES),
      notes: "",
    },
  });

  async function onSubmit(values: CreateAppointmentValues) {
    setFormError(null);
    let result;
    try {
      // The action parses the form's own input shape again on the server.
      result = await createAppointmentAction({ ...values, durationMinutes: String(values.durationMinutes) });
    } catch {
      setFormError(NETWORK_ERROR);
      return;
    }
    if (!result.ok) {
      setFormError(result.error);
      for (const [field, messages] of Object.entries(result.fieldErrors)) {
        if (field in ids) setError(field as keyof CreateAppointmentInput, { message: messages[0] });
      }
      return;
    }
    onCreated();
  }

  const described = (id: string, hasError: boolean, hint?: string) => cn(hint, hasError && `${id}-erreur`) || undefined;

  if (types.length === 0) {
    return (
      <div className="flex flex-col gap-4">
        <p className="text-sm text-slate-700">
          Aucun type de rendez-vous n&apos;est défini. Un administrateur peut en créer dans les listes de référence.
        </p>
        <div className="flex justify-end">
          <Button variant="secondary" onClick={onCancel}>
            Fermer
          </Button>
        </div>
      </div>
    );
  }

  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="flex flex-col gap-4">
      <div role="alert" aria-atomic="true">
        {formError ? (
          <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{formError}</p>
        ) : null}
      </div>
      <SelectInput
        id={ids.typeId}
        label="Type de rendez-vous"
        options={types.map((t) => ({ value: t.id, label: t.name }))}
        error={errors.typeId?.message}
        {...register("typeId")}
      />

      <Field id={ids.prospectId} label="Prospect">
        <input type="hidden" {...register("prospectId")} />
        <ProspectPicker
          id={ids.prospectId}
          initial={null}
          invalid={Boolean(errors.prospectId)}
          describedBy={described(ids.prospectId, Boolean(errors.prospectId))}
          onChange={(option) => setValue("prospectId", option?.id ?? "", { shouldValidate: Boolean(errors.prospectId) })}
        />
        <FieldError id={`${ids.prospectId}-erreur`} message={errors.prospectId?.message} />
      </Field>

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

      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field id={ids.startAt} label="Début" hint="Heure de Paris.">
          <DateTimeInput
            id={ids.startAt}
            aria-invalid={errors.startAt ? true : undefined}
            aria-describedby={described(ids.startAt, Boolean(errors.startAt), `${ids.startAt}-aide`)}
            {...register("startAt")}
          />
          <FieldError id={`${ids.startAt}-erreur`} message={errors.startAt?.message} />
        </Field>
        <Field id={ids.durationMinutes} label="Durée" hint="En minutes.">
          <input
            id={ids.durationMinutes}
            type="number"
            inputMode="numeric"
            min={5}
            max={1440}
            step={5}
            aria-invalid={errors.durationMinutes ? true : undefined}
            aria-describedby={described(ids.durationMinutes, Boolean(errors.durationMinutes), `${ids.durationMinutes}-aide`)}
            className={controlClasses}
            {...register("durationMinutes")}
          />
          <FieldError id={`${ids.durationMinutes}-erreur`} message={errors.durationMinutes?.message} />
        </Field>
      </div>

      <Field id={ids.notes} label="Notes">
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

      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={onCancel} disabled={isSubmitting}>
          Annuler
        </Button>
        <Button type="submit" disabled={isSubmitting} aria-busy={isSubmitting}>
          {isSubmitting ? "Enregistrement…" : "Créer le rendez-vous"}
        </Button>
      </div>
    </form>
  );
}
