"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { useRouter } from "next/navigation";
import { describedBy, FieldError, FormMessages } from "@/components/actions/form-messages";
import { Button } from "@/components/ui/button";
import { DateTimeInput } from "@/components/ui/date-time-input";
import { controlClasses, Field, SelectInput } from "@/components/ui/field";
import { createNestedActionAction } from "@/lib/actions/actions";
import type { ActionTypeOption, AssigneeOption } from "@/lib/actions/queries";
import { createNestedActionSchema, type CreateNestedActionInput, type CreateNestedActionValues } from "@/lib/actions/schemas";
import { cn } from "@/lib/cn";
import { submitAction } from "@/lib/forms/submit-action";

// « Ajouter une action » inside an opportunity. Choosing « Faire une offre » opens the new
// action's « Devis » tab once it is created.
export function NestedActionForm({
  opportunityId,
  typeOptions,
  assigneeOptions,
  defaultAssigneeId,
}: {
  opportunityId: string;
  typeOptions: ActionTypeOption[];
  assigneeOptions: AssigneeOption[];
  defaultAssigneeId: string;
}) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);
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
  } = useForm<CreateNestedActionInput, unknown, CreateNestedActionValues>({
    resolver: zodResolver(createNestedActionSchema),
    defaultValues: {
      opportunityId,
      typeId: typeOptions[0]?.id ?? "",
      subject: "",
      scheduledAt: "",
      assigneeId: defaultAssigneeId,
      notes: "",
    },
  });

  async function onSubmit(values: CreateNestedActionValues) {
    setFormError(null);
    setSuccess(null);
    const saved = await submitAction(() => createNestedActionAction(values), { fields: Object.keys(ids), setError, setFormError });
    if (!saved) return;
    if (saved.data.isOffer) {
      setLeaving(true);
      router.push(`/actions/${saved.data.id}?onglet=devis`);
      return;
    }
    reset({ opportunityId, typeId: values.typeId, subject: "", scheduledAt: "", assigneeId: values.assigneeId, notes: "" });
    setSuccess("L'action a été ajoutée à l'opportunité.");
    router.refresh();
  }

  const busy = isSubmitting || leaving;
  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="flex flex-col gap-4" aria-label="Ajouter une action à l'opportunité">
      <FormMessages error={formError} success={success} />
      <input type="hidden" {...register("opportunityId")} />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <SelectInput
          id={ids.typeId}
          label="Type"
          options={typeOptions.map((t) => ({ value: t.id, label: t.name }))}
          error={errors.typeId?.message}
          {...register("typeId")}
        />
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
          maxLength={200}
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
        <Button type="submit" disabled={busy || typeOptions.length === 0} aria-busy={busy}>
          {busy ? "Enregistrement…" : "Ajouter l'action"}
        </Button>
      </div>
    </form>
  );
}
