"use client";

// « Définir l'objectif »: a manager sets a rep's target for a month, in euros.
import { zodResolver } from "@hookform/resolvers/zod";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { controlClasses, Field } from "@/components/ui/field";
import { cn } from "@/lib/cn";
import { submitAction } from "@/lib/forms/submit-action";
import { setSalesTargetAction } from "@/lib/objectives/actions";
import type { RepOption } from "@/lib/objectives/queries";
import { setSalesTargetSchema, type SetSalesTargetInput, type SetSalesTargetValues } from "@/lib/objectives/schemas";
import { normalizeEurosInput } from "@/lib/prospects/euros";

const NETWORK_ERROR = "L'objectif n'a pas pu être enregistré. Vérifiez votre connexion et réessayez.";
const FIELDS = ["userId", "month", "amount"] as const;

export function TargetForm({ reps, defaultRepId, defaultMonth }: { reps: RepOption[]; defaultRepId: string | null; defaultMonth: string }) {
  const [open, setOpen] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const base = useId();
  const ids = { userId: `${base}-rep`, month: `${base}-mois`, amount: `${base}-montant`, panel: `${base}-panneau` };
  const {
    register,
    setValue,
    handleSubmit,
    getValues,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<SetSalesTargetInput, unknown, SetSalesTargetValues>({
    resolver: zodResolver(setSalesTargetSchema),
    defaultValues: { userId: defaultRepId ?? reps[0]?.id ?? "", month: defaultMonth, amount: "" },
  });

  // Validated here for instant feedback; the action parses the typed text again itself.
  async function onSubmit() {
    setFormError(null);
    setSuccess(null);
    const saved = await submitAction(() => setSalesTargetAction(getValues()), { fields: FIELDS, setError, setFormError, networkError: NETWORK_ERROR });
    if (!saved) return;
    setSuccess("L'objectif a été enregistré.");
  }

  const errorId = (id: string) => `${id}-erreur`;
  return (
    <div className="flex flex-col gap-3">
      <Button variant="secondary" size="sm" className="w-fit" aria-expanded={open} aria-controls={ids.panel} onClick={() => setOpen((v) => !v)}>
        Définir l&apos;objectif
      </Button>
      <div id={ids.panel} hidden={!open}>
        <form noValidate onSubmit={handleSubmit(onSubmit)} aria-label="Définir l'objectif" className="flex flex-col gap-3 rounded-md border border-slate-200 p-3">
          <div role="alert" aria-atomic="true">
            {formError ? <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{formError}</p> : null}
          </div>
          <div role="status" aria-atomic="true">
            {success ? (
              <p className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{success}</p>
            ) : null}
          </div>
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
            <Field id={ids.userId} label="Commercial de l'objectif">
              <select
                id={ids.userId}
                className={cn(controlClasses, "pr-8")}
                aria-invalid={errors.userId ? true : undefined}
                aria-describedby={errors.userId ? errorId(ids.userId) : undefined}
                {...register("userId")}
              >
                {reps.map((rep) => (
                  <option key={rep.id} value={rep.id}>
                    {rep.name}
                  </option>
                ))}
              </select>
              {errors.userId ? <p id={errorId(ids.userId)} className="text-sm text-red-700">{errors.userId.message}</p> : null}
            </Field>
            <Field id={ids.month} label="Mois">
              <input
                id={ids.month}
                type="month"
                className={controlClasses}
                aria-invalid={errors.month ? true : undefined}
                aria-describedby={errors.month ? errorId(ids.month) : undefined}
                {...register("month")}
              />
              {errors.month ? <p id={errorId(ids.month)} className="text-sm text-red-700">{errors.month.message}</p> : null}
            </Field>
            <Field id={ids.amount} label="Montant (€)">
              <input
                id={ids.amount}
                inputMode="decimal"
                autoComplete="off"
                placeholder="25 000"
                className={controlClasses}
                aria-invalid={errors.amount ? true : undefined}
                aria-describedby={errors.amount ? errorId(ids.amount) : undefined}
                {...register("amount", { onBlur: (event: { target: { value: string } }) => setValue("amount", normalizeEurosInput(event.target.value)) })}
              />
              {errors.amount ? <p id={errorId(ids.amount)} className="text-sm text-red-700">{errors.amount.message}</p> : null}
            </Field>
          </div>
          <Button type="submit" size="sm" className="w-fit" disabled={isSubmitting} aria-busy={isSubmitting}>
            {isSubmitting ? "Enregistrement…" : "Enregistrer l'objectif"}
          </Button>
        </form>
      </div>
    </div>
  );
}
