"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { controlClasses, Field } from "@/components/ui/field";
import { addAdjustmentAction } from "@/lib/commissions/actions";
import { addAdjustmentSchema, type AddAdjustmentInput, type AddAdjustmentValues } from "@/lib/commissions/schemas";
import { submitAction } from "@/lib/forms/submit-action";

const FIELDS = ["amount", "reason", "visibleToPartner"] as const;

export function AdjustmentForm({ statementId }: { statementId: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<AddAdjustmentValues, unknown, AddAdjustmentInput>({
    resolver: zodResolver(addAdjustmentSchema),
    defaultValues: { statementId, amount: "", reason: "", visibleToPartner: false },
  });

  // The action parses the typed text itself (the same schema): send what was typed, not the cents.
  async function onSubmit() {
    setFormError(null);
    const values = getValues();
    const result = await submitAction(() => addAdjustmentAction(values), { fields: FIELDS, setError, setFormError });
    if (!result) return;
    reset({ statementId, amount: "", reason: "", visibleToPartner: false });
    router.refresh();
  }

  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="flex flex-col gap-3 px-4 py-4">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-[10rem_1fr]">
        <Field id="adjustment-amount" label="Montant (€)" hint="Négatif pour une retenue, ex. -12,50">
          <input
            id="adjustment-amount"
            type="text"
            inputMode="decimal"
            className={controlClasses}
            aria-invalid={errors.amount ? true : undefined}
            {...register("amount")}
          />
          {errors.amount ? <p className="text-sm text-red-700">{errors.amount.message}</p> : null}
        </Field>
        <Field id="adjustment-reason" label="Raison">
          <input
            id="adjustment-reason"
            type="text"
            maxLength={300}
            className={controlClasses}
            aria-invalid={errors.reason ? true : undefined}
            {...register("reason")}
          />
          {errors.reason ? <p className="text-sm text-red-700">{errors.reason.message}</p> : null}
        </Field>
      </div>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" className="h-4 w-4 rounded border-slate-300" {...register("visibleToPartner")} />
        Montrer la raison au partenaire (sinon il lit seulement « Ajustement »)
      </label>
      <div role="alert" aria-atomic="true">
        {formError ? <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{formError}</p> : null}
      </div>
      <div>
        <Button type="submit" variant="secondary" disabled={isSubmitting} aria-busy={isSubmitting}>
          {isSubmitting ? "Ajout…" : "Ajouter l'ajustement"}
        </Button>
      </div>
    </form>
  );
}
