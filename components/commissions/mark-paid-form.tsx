"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { DateInput } from "@/components/ui/date-input";
import { controlClasses, Field } from "@/components/ui/field";
import { markStatementPaidAction } from "@/lib/commissions/actions";
import { markStatementPaidSchema, type MarkStatementPaidValues } from "@/lib/commissions/schemas";
import { submitAction } from "@/lib/forms/submit-action";

export function MarkPaidForm({ statementId, today }: { statementId: string; today: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<MarkStatementPaidValues>({
    resolver: zodResolver(markStatementPaidSchema),
    defaultValues: { statementId, paidOn: today, paymentReference: "" },
  });

  async function onSubmit(values: MarkStatementPaidValues) {
    setFormError(null);
    const result = await submitAction(() => markStatementPaidAction(values), { fields: ["paidOn", "paymentReference"], setError, setFormError });
    if (result) router.refresh();
  }

  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="flex flex-col gap-3 px-4 py-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <Field id="paid-on" label="Payé le">
          <DateInput id="paid-on" aria-invalid={errors.paidOn ? true : undefined} {...register("paidOn")} />
          {errors.paidOn ? <p className="text-sm text-red-700">{errors.paidOn.message}</p> : null}
        </Field>
        <Field id="payment-reference" label="Référence du paiement" className="flex-1">
          <input
            id="payment-reference"
            type="text"
            maxLength={100}
            className={controlClasses}
            aria-invalid={errors.paymentReference ? true : undefined}
            {...register("paymentReference")}
          />
          {errors.paymentReference ? <p className="text-sm text-red-700">{errors.paymentReference.message}</p> : null}
        </Field>
      </div>
      <div role="alert" aria-atomic="true">
        {formError ? <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{formError}</p> : null}
      </div>
      <div>
        <Button type="submit" disabled={isSubmitting} aria-busy={isSubmitting}>
          {isSubmitting ? "Enregistrement…" : "Marquer payé"}
        </Button>
      </div>
    </form>
  );
}
