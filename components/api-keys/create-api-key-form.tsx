"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { controlClasses, Field } from "@/components/ui/field";
import { createApiKeyAction } from "@/lib/api-keys/actions";
import { createApiKeySchema, type CreateApiKeyInput } from "@/lib/api-keys/schemas";

type Created = { name: string; key: string };

export function CreateApiKeyForm() {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [copied, setCopied] = useState(false);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CreateApiKeyInput>({ resolver: zodResolver(createApiKeySchema), defaultValues: { name: "" } });

  async function onSubmit(values: CreateApiKeyInput) {
    setFormError(null);
    setCopied(false);
    try {
      const result = await createApiKeyAction(values);
      if (!result.ok) {
        setFormError(result.error);
        const nameError = result.fieldErrors.name?.[0];
        if (nameError) setError("name", { message: nameError });
        return;
      }
      setCreated({ name: result.data.name, key: result.data.key });
      reset({ name: "" });
      router.refresh();
    } catch {
      setFormError("La demande n'a pas abouti. Vérifiez votre connexion et réessayez.");
    }
  }

  return (
    <div className="flex flex-col gap-4 px-4 py-4">
      {created ? (
        <div role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          <p className="font-semibold">Clé « {created.name} » créée.</p>
          <p className="mt-1">
            Copiez-la maintenant et transmettez-la à la plateforme de financement : elle ne sera plus jamais affichée.
          </p>
          <div className="mt-2 flex flex-col gap-2 sm:flex-row sm:items-center">
            <code data-testid="new-api-key" className="block break-all rounded bg-white px-2 py-1.5 font-mono text-xs text-slate-900 ring-1 ring-emerald-200">
              {created.key}
            </code>
            <Button
              variant="secondary"
              size="sm"
              onClick={async () => {
                try {
                  await navigator.clipboard.writeText(created.key);
                  setCopied(true);
                } catch {
                  setCopied(false);
                }
              }}
            >
              {copied ? "Copiée" : "Copier"}
            </Button>
          </div>
        </div>
      ) : null}
      <form noValidate onSubmit={handleSubmit(onSubmit)} className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <Field id="api-key-name" label="Nom de la clé" className="flex-1">
          <input
            id="api-key-name"
            type="text"
            autoComplete="off"
            placeholder="Plateforme de financement – production"
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? "api-key-name-erreur" : undefined}
            className={controlClasses}
            {...register("name")}
          />
          {errors.name ? (
            <p id="api-key-name-erreur" className="text-sm text-red-700">
              {errors.name.message}
            </p>
          ) : null}
        </Field>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Création…" : "Créer une clé"}
        </Button>
      </form>
      <div role="alert" aria-atomic="true">
        {formError && !errors.name ? (
          <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{formError}</p>
        ) : null}
      </div>
    </div>
  );
}
