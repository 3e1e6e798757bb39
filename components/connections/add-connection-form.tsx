"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { controlClasses, Field } from "@/components/ui/field";
import { cn } from "@/lib/cn";
import { submitAction } from "@/lib/forms/submit-action";
import { addConnectionAction } from "@/lib/connections/actions";
import { CONNECTION_RELATION_LABELS } from "@/lib/connections/labels";
import {
  addConnectionSchema,
  CONNECTION_RELATIONS,
  type AddConnectionInput,
  type AddConnectionValues,
} from "@/lib/connections/schemas";

const NETWORK_ERROR = "La connexion n'a pas pu être enregistrée. Vérifiez votre connexion et réessayez.";

// For the internal team: record a supplier or customer of the client.
export function AddConnectionForm({ prospectId }: { prospectId: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const base = useId();
  const ids = { name: `${base}-nom`, siren: `${base}-siren`, relation: `${base}-relation` };
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<AddConnectionInput, unknown, AddConnectionValues>({
    resolver: zodResolver(addConnectionSchema),
    defaultValues: { prospectId, name: "", siren: "", relation: "SUPPLIER" },
  });

  async function onSubmit(values: AddConnectionValues) {
    setFormError(null);
    setSuccess(null);
    const saved = await submitAction(() => addConnectionAction(values), {
      fields: ["name", "siren", "relation"],
      setError,
      setFormError,
      networkError: NETWORK_ERROR,
    });
    if (!saved) return;
    reset({ prospectId, name: "", siren: "", relation: values.relation });
    setSuccess(`« ${values.name} » a été ajouté aux connexions.`);
    router.refresh();
  }

  const errorId = (id: string, has: boolean) => (has ? `${id}-erreur` : undefined);

  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="border-t border-slate-200 px-4 py-4">
      <h3 className="mb-4 text-sm font-semibold text-slate-900">Ajouter une connexion</h3>
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
        <input type="hidden" {...register("prospectId")} />
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          <Field id={ids.name} label="Nom">
            <input
              id={ids.name}
              type="text"
              maxLength={200}
              aria-invalid={errors.name ? true : undefined}
              aria-describedby={errorId(ids.name, Boolean(errors.name))}
              className={controlClasses}
              {...register("name")}
            />
            {errors.name ? (
              <p id={`${ids.name}-erreur`} className="text-sm text-red-700">
                {errors.name.message}
              </p>
            ) : null}
          </Field>
          <Field id={ids.siren} label="SIREN (facultatif)">
            <input
              id={ids.siren}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              aria-invalid={errors.siren ? true : undefined}
              aria-describedby={errorId(ids.siren, Boolean(errors.siren))}
              className={controlClasses}
              {...register("siren")}
            />
            {errors.siren ? (
              <p id={`${ids.siren}-erreur`} className="text-sm text-red-700">
                {errors.siren.message}
              </p>
            ) : null}
          </Field>
          <Field id={ids.relation} label="Relation">
            <select
              id={ids.relation}
              aria-invalid={errors.relation ? true : undefined}
              aria-describedby={errorId(ids.relation, Boolean(errors.relation))}
              className={cn(controlClasses, "pr-8")}
              {...register("relation")}
            >
              {CONNECTION_RELATIONS.map((r) => (
                <option key={r} value={r}>
                  {CONNECTION_RELATION_LABELS[r]}
                </option>
              ))}
            </select>
            {errors.relation ? (
              <p id={`${ids.relation}-erreur`} className="text-sm text-red-700">
                {errors.relation.message}
              </p>
            ) : null}
          </Field>
        </div>
        <div>
          <Button type="submit" disabled={isSubmitting} aria-busy={isSubmitting}>
            {isSubmitting ? "Enregistrement…" : "Ajouter la connexion"}
          </Button>
        </div>
      </div>
    </form>
  );
}
