"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { useRouter } from "next/navigation";
import { describedBy, FieldError, FormMessages } from "@/components/actions/form-messages";
import { submitAction } from "@/lib/forms/submit-action";
import { Button } from "@/components/ui/button";
import { DateInput } from "@/components/ui/date-input";
import { controlClasses, Field, SelectInput } from "@/components/ui/field";
import { createOpportunityAction } from "@/lib/opportunities/actions";
import { centsToEurosInput, normalizeEurosInput } from "@/lib/prospects/euros";
import { createOpportunitySchema, type CreateOpportunityInput, type CreateOpportunityValues } from "@/lib/opportunities/schemas";

type Option = { value: string; label: string };

// « Nouvelle opportunité »: title, amount in euros, pipeline stage, expected close, rep. Once
// created, the opportunity's own page opens, where its first action is added.
export function CreateOpportunityForm({
  prospectId,
  stageOptions,
  ownerOptions,
  defaultOwnerId,
}: {
  prospectId: string;
  stageOptions: Option[];
  ownerOptions: Option[];
  defaultOwnerId: string;
}) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);
  const base = useId();
  const ids = {
    title: `${base}-titre`,
    amount: `${base}-montant`,
    stageId: `${base}-etape`,
    expectedCloseDate: `${base}-cloture`,
    ownerId: `${base}-representant`,
  };
  const {
    register,
    setValue,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CreateOpportunityInput, unknown, CreateOpportunityValues>({
    resolver: zodResolver(createOpportunitySchema),
    defaultValues: {
      prospectId,
      title: "",
      amount: "",
      stageId: stageOptions[0]?.value ?? "",
      expectedCloseDate: "",
      ownerId: defaultOwnerId,
    },
  });

  async function onSubmit(values: CreateOpportunityValues) {
    setFormError(null);
    // The schema's output carries cents; the action parses the form's own input again.
    const saved = await submitAction(
      () => createOpportunityAction({ ...values, amount: centsToEurosInput(values.amount), expectedCloseDate: values.expectedCloseDate ?? "" }),
      { fields: Object.keys(ids), setError, setFormError },
    );
    if (!saved) return;
    setLeaving(true);
    router.push(`/opportunites/${saved.data.id}`);
  }

  const busy = isSubmitting || leaving;
  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="flex flex-col gap-4" aria-label="Nouvelle opportunité">
      <FormMessages error={formError} />
      <input type="hidden" {...register("prospectId")} />
      <Field id={ids.title} label="Titre">
        <input
          id={ids.title}
          type="text"
          maxLength={200}
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={describedBy(ids.title, Boolean(errors.title))}
          className={controlClasses}
          {...register("title")}
        />
        <FieldError id={`${ids.title}-erreur`} message={errors.title?.message} />
      </Field>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field id={ids.amount} label="Montant" hint="En euros, par exemple 12 500,00.">
          <input
            id={ids.amount}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            aria-invalid={errors.amount ? true : undefined}
            aria-describedby={describedBy(ids.amount, Boolean(errors.amount), `${ids.amount}-aide`)}
            className={controlClasses}
            {...register("amount", { onBlur: (event: { target: { value: string } }) => setValue("amount", normalizeEurosInput(event.target.value)) })}
          />
          <FieldError id={`${ids.amount}-erreur`} message={errors.amount?.message} />
        </Field>
        <Field id={ids.expectedCloseDate} label="Date de clôture prévue">
          <DateInput
            id={ids.expectedCloseDate}
            aria-invalid={errors.expectedCloseDate ? true : undefined}
            aria-describedby={describedBy(ids.expectedCloseDate, Boolean(errors.expectedCloseDate))}
            {...register("expectedCloseDate")}
          />
          <FieldError id={`${ids.expectedCloseDate}-erreur`} message={errors.expectedCloseDate?.message} />
        </Field>
        <SelectInput
          id={ids.stageId}
          label="Étape"
          options={stageOptions}
          error={errors.stageId?.message}
          {...register("stageId")}
        />
        <SelectInput
          id={ids.ownerId}
          label="Commercial"
          options={ownerOptions}
          error={errors.ownerId?.message}
          {...register("ownerId")}
        />
      </div>
      <div>
        <Button type="submit" disabled={busy || stageOptions.length === 0} aria-busy={busy}>
          {busy ? "Enregistrement…" : "Créer l'opportunité"}
        </Button>
      </div>
    </form>
  );
}
