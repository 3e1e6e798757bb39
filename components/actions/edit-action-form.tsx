"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useId, useState, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import { useRouter } from "next/navigation";
import { describedBy, FieldError, FormMessages } from "@/components/actions/form-messages";
import { Button } from "@/components/ui/button";
import { DateTimeInput } from "@/components/ui/date-time-input";
import { controlClasses, Field, SelectInput } from "@/components/ui/field";
import { updateActionAction } from "@/lib/actions/actions";
import type { ActionTypeOption, AssigneeOption } from "@/lib/actions/queries";
import { ACTION_SUBJECT_MAX, updateActionSchema, type UpdateActionInput, type UpdateActionValues } from "@/lib/actions/schemas";
import { cn } from "@/lib/cn";
import { utcToParisLocalInput } from "@/lib/dates";
import { submitAction } from "@/lib/forms/submit-action";

export type EditableAction = {
  id: string;
  typeId: string;
  subject: string;
  dueAt: Date | null;
  assigneeId: string;
  notes: string | null;
};

type EditProps = {
  action: EditableAction;
  // Only the types the server accepts for this action (see lib/actions/update-action.ts).
  typeOptions: ActionTypeOption[];
  // Why the type cannot change, shown under « Type » when only the current one is offered.
  typeHint?: string;
  assigneeOptions: AssigneeOption[];
};

// « Modifier l'action »: the planned part of an action (type, subject, date in Paris time, person
// in charge, note); its completion stays with « Fait ».
export function EditActionForm({ action, typeOptions, typeHint, assigneeOptions }: EditProps) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const base = useId();
  const ids = {
    typeId: `${base}-type`,
    subject: `${base}-objet`,
    scheduledAt: `${base}-date`,
    assigneeId: `${base}-responsable`,
    notes: `${base}-note`,
  };
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<UpdateActionInput, unknown, UpdateActionValues>({
    resolver: zodResolver(updateActionSchema),
    defaultValues: {
      actionId: action.id,
      typeId: action.typeId,
      subject: action.subject,
      scheduledAt: action.dueAt ? utcToParisLocalInput(action.dueAt) : "",
      assigneeId: action.assigneeId,
      notes: action.notes ?? "",
    },
  });

  async function onSubmit(values: UpdateActionValues) {
    setFormError(null);
    setSuccess(null);
    const saved = await submitAction(() => updateActionAction(values), { fields: Object.keys(ids), setError, setFormError });
    if (!saved) return;
    // The saved (trimmed) values become the new baseline: the page's defaults are stale until refreshed.
    reset(values);
    setSuccess("Action modifiée.");
    router.refresh();
  }

  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="flex flex-col gap-4" aria-label="Modifier l'action">
      <FormMessages error={formError} success={success} />
      <input type="hidden" {...register("actionId")} />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field id={ids.typeId} label="Type" hint={typeHint}>
          <select
            id={ids.typeId}
            aria-invalid={errors.typeId ? true : undefined}
            aria-describedby={describedBy(ids.typeId, Boolean(errors.typeId), typeHint ? `${ids.typeId}-aide` : undefined)}
            className={cn(controlClasses, "pr-8")}
            {...register("typeId")}
          >
            {typeOptions.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
          <FieldError id={`${ids.typeId}-erreur`} message={errors.typeId?.message} />
        </Field>
        <Field id={ids.scheduledAt} label="Date et heure" hint="Heure de Paris.">
          <DateTimeInput
            id={ids.scheduledAt}
            aria-invalid={errors.scheduledAt ? true : undefined}
            aria-describedby={describedBy(ids.scheduledAt, Boolean(errors.scheduledAt), `${ids.scheduledAt}-aide`)}
            {...register("scheduledAt")}
          />
          <FieldError id={`${ids.scheduledAt}-erreur`} message={errors.scheduledAt?.message} />
        </Field>
      </div>
      <Field id={ids.subject} label="Objet">
        <input
          id={ids.subject}
          type="text"
          maxLength={ACTION_SUBJECT_MAX}
          aria-invalid={errors.subject ? true : undefined}
          aria-describedby={describedBy(ids.subject, Boolean(errors.subject))}
          className={controlClasses}
          {...register("subject")}
        />
        <FieldError id={`${ids.subject}-erreur`} message={errors.subject?.message} />
      </Field>
      <SelectInput
        id={ids.assigneeId}
        label="Responsable"
        options={assigneeOptions}
        error={errors.assigneeId?.message}
        {...register("assigneeId")}
      />
      <Field id={ids.notes} label="Note (facultative)">
        <textarea
          id={ids.notes}
          rows={3}
          aria-invalid={errors.notes ? true : undefined}
          aria-describedby={describedBy(ids.notes, Boolean(errors.notes))}
          className={cn(controlClasses, "h-auto py-2")}
          {...register("notes")}
        />
        <FieldError id={`${ids.notes}-erreur`} message={errors.notes?.message} />
      </Field>
      <div>
        <Button type="submit" disabled={isSubmitting} aria-busy={isSubmitting}>
          {isSubmitting ? "Enregistrement…" : "Enregistrer les modifications"}
        </Button>
      </div>
    </form>
  );
}

// The form folded behind « Modifier l'action » so that the action's details stay readable; it
// stays mounted while folded, so closing it does not lose what was typed. `aside` sits at the
// other end of the button row (the page's « Supprimer l'action »).
export function EditActionSection({ aside, ...props }: EditProps & { aside?: ReactNode }) {
  const [open, setOpen] = useState(false);
  const panelId = `${useId()}-modifier`;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Button variant="secondary" size="sm" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((v) => !v)}>
          Modifier l&apos;action
        </Button>
        {aside}
      </div>
      <div id={panelId} hidden={!open}>
        <EditActionForm {...props} />
      </div>
    </div>
  );
}
