"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormMessages } from "@/components/actions/form-messages";
import { TextField } from "@/components/accounts/form-controls";
import { Button } from "@/components/ui/button";
import { changeNameAction } from "@/lib/accounts/actions";
import { changeNameSchema, type ChangeNameInput } from "@/lib/accounts/schemas";
import { submitAction } from "@/lib/forms/submit-action";

export function ChangeNameForm({ name }: { name: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ChangeNameInput>({ resolver: zodResolver(changeNameSchema), defaultValues: { name } });

  async function onSubmit(values: ChangeNameInput) {
    setFormError(null);
    setSuccess(null);
    const result = await submitAction(() => changeNameAction(values), { fields: ["name"], setError, setFormError });
    if (!result) return;
    setSuccess("Nom enregistré.");
    router.refresh();
  }

  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="flex max-w-md flex-col gap-4 px-4 py-4">
      <FormMessages error={formError} success={success} />
      <TextField id="name" label="Nom" autoComplete="name" error={errors.name?.message} registration={register("name")} />
      <div>
        <Button type="submit" disabled={isSubmitting} aria-busy={isSubmitting}>
          {isSubmitting ? "Enregistrement…" : "Enregistrer le nom"}
        </Button>
      </div>
    </form>
  );
}
