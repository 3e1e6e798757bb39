"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { useRouter } from "next/navigation";
import { describedBy, FieldError, FormMessages, NETWORK_ERROR } from "@/components/actions/form-messages";
import { Button } from "@/components/ui/button";
import { DateInput } from "@/components/ui/date-input";
import { controlClasses, Field, SelectInput } from "@/components/ui/field";
import { updateOpportunityAction } from "@/lib/opportunities/actions";
import { OPPORTUNITY_STATUS_LABELS, OPPORTUNITY_STATUSES } from "@/lib/opportunities/labels";
import { OPPORTUNITY_CONFLICT, updateOpportunitySchema, type UpdateOpportunityInput, type UpdateOpportunityValues } from "@/lib/opportunities/schemas";
import { centsToEurosInput, normalizeEurosInput } from "@/lib/prospects/euros";

type Option = { value: string; label: string };

// The « Opportunité » form. Saved against the version it was loaded at: if a colleague saved in
// between, the server refuses, the typed values stay, and « Recharger » shows the latest version.
export function EditOpportunityForm({
  initial,
  stageOptions,
  ownerOptions,
}: {
  initial: Omit<UpdateOpportunityInput, "version"> & { version: number };
  stageOptions: Option[];
  ownerOptions: Option[];
}) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [success, setSuccess] = useState<string | null>(null);
  const base = useId();
  const ids = {
    title: `${base}-titre`,
    amount: `${base}-montant`,
    stageId: `${base}-etape`,
    expectedCloseDate: `${base}-cloture`,
    ownerId: `${base}-representant`,
    status: `${base}-statut`,
  };
  const {
    register,
    setValue,
    handleSubmit,
    setError,
    reset,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<UpdateOpportunityInput, unknown, UpdateOpportunityValues>({
    resolver: zodResolver(updateOpportunitySchema),
    defaultValues: initial,
  });

  async function onSubmit(values: UpdateOpportunityValues) {
    setFormError(null);
    setSuccess(null);
    setConflict(false);
    let result;
    try {
      result = await updateOpportunityAction({
        ...values,
        amount: centsToEurosInput(values.amount),
        expectedCloseDate: values.expectedCloseDate ?? "",
      });
    } catch {
      setFormError(NETWORK_ERROR);
      return;
    }
    if (!result.ok) {
      setFormError(result.error);
      setConflict(result.error === OPPORTUNITY_CONFLICT);
      for (const [field, messages] of Object.entries(result.fieldErrors)) {
        if (field in ids) setError(field as keyof UpdateOpportunityInput, { message: messages[0] });
      }
      return;
    }
    // The status and the column always agree: show what the server settled on.
    reset({ ...getValues(), version: result.data.version, status: result.data.status, stageId: result.data.stageId });
    setSuccess("Opportunité enregistrée.");
    router.refresh();
  }

  const select = (id: string, label: string, field: "stageId" | "ownerId" | "status", options: readonly Option[]) => (
    <SelectInput id={id} label={label} options={options} error={errors[field]?.message} {...register(field)} />
  );

  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="flex flex-col gap-4 px-4 py-4" aria-label="Modifier l'opportunité">
      <FormMessages
        error={
          formError ? (
            <div className="flex flex-wrap items-center justify-between gap-2">
              <span>{formError}</span>
              {conflict ? (
                <Button variant="secondary" size="sm" onClick={() => window.location.reload()}>
                  Recharger
                </Button>
              ) : null}
            </div>
          ) : null
        }
        success={success}
      />
      <input type="hidden" {...register("opportunityId")} />
      <input type="hidden" {...register("version")} />
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
        {select(ids.stageId, "Étape", "stageId", stageOptions)}
        {select(
          ids.status,
          "Statut",
          "status",
          OPPORTUNITY_STATUSES.map((s) => ({ value: s, label: OPPORTUNITY_STATUS_LABELS[s] })),
        )}
        {select(ids.ownerId, "Commercial", "ownerId", ownerOptions)}
      </div>
      <div>
        <Button type="submit" disabled={isSubmitting} aria-busy={isSubmitting}>
          {isSubmitting ? "Enregistrement…" : "Enregistrer l'opportunité"}
        </Button>
      </div>
    </form>
  );
}
