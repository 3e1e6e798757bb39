"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormMessages } from "@/components/actions/form-messages";
import { TextField } from "@/components/accounts/form-controls";
import { Button } from "@/components/ui/button";
import { forgotPasswordAction } from "@/lib/accounts/actions";
import { forgotPasswordSchema, type ForgotPasswordInput } from "@/lib/accounts/schemas";
import { submitAction } from "@/lib/forms/submit-action";

export function ForgotPasswordForm() {
  const [formError, setFormError] = useState<string | null>(null);
  const [answer, setAnswer] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ForgotPasswordInput>({ resolver: zodResolver(forgotPasswordSchema), defaultValues: { email: "" } });

  async function onSubmit(values: ForgotPasswordInput) {
    setFormError(null);
    setAnswer(null);
    const result = await submitAction(() => forgotPasswordAction(values), { fields: ["email"], setError, setFormError });
    if (result) setAnswer(result.data.message);
  }

  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="flex flex-col gap-5">
      <FormMessages error={formError} success={answer} />
      <TextField id="email" label="Adresse e-mail" type="email" autoComplete="username" autoFocus error={errors.email?.message} registration={register("email")} />
      <Button type="submit" disabled={isSubmitting} aria-busy={isSubmitting} className="w-full">
        {isSubmitting ? "Envoi…" : "Recevoir un lien"}
      </Button>
    </form>
  );
}
