"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { controlClasses, Field } from "@/components/ui/field";
import { generateStatementsAction } from "@/lib/commissions/actions";
import { generateStatementsSchema, type GenerateStatementsInput } from "@/lib/commissions/schemas";
import { submitAction } from "@/lib/forms/submit-action";

// « Préparer les relevés » of a month: what the worker does on the 1st, on demand.
export function GenerateStatementsForm({ defaultMonth }: { defaultMonth: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<GenerateStatementsInput>({ resolver: zodResolver(generateStatementsSchema), defaultValues: { month: defaultMonth } });

  async function onSubmit(values: GenerateStatementsInput) {
    setFormError(null);
    setDone(null);
    const result = await submitAction(() => generateStatementsAction(values), { fields: ["month"], setError, setFormError });
    if (!result) return;
    const { statements, created, linesAttached } = result.data;
    setDone(
      statements === 0
        ? "Aucune commission en attente pour ce mois : aucun relevé à préparer."
        : `${statements} relevé(s) en préparation (${created} nouveau(x)), ${linesAttached} ligne(s) ajoutée(s).`,
    );
    router.refresh();
  }

  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="flex flex-col gap-2 px-4 py-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <Field id="generate-month" label="Mois à préparer">
          <input
            id="generate-month"
            type="month"
            className={controlClasses}
            aria-invalid={errors.month ? true : undefined}
            aria-describedby={errors.month ? "generate-month-erreur" : undefined}
            {...register("month")}
          />
        </Field>
        <Button type="submit" disabled={isSubmitting} aria-busy={isSubmitting}>
          {isSubmitting ? "Préparation…" : "Préparer les relevés"}
        </Button>
      </div>
      {errors.month ? (
        <p id="generate-month-erreur" className="text-sm text-red-700">
          {errors.month.message}
        </p>
      ) : null}
      <div role="status" aria-atomic="true">
        {formError ? <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{formError}</p> : null}
        {done ? <p className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{done}</p> : null}
      </div>
    </form>
  );
}
