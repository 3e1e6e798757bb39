"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { FormMessages } from "@/components/actions/form-messages";
import { TextField } from "@/components/accounts/form-controls";
import { PasswordFeedback } from "@/components/accounts/password-feedback";
import { Button, buttonClasses } from "@/components/ui/button";
import { choosePasswordAction } from "@/lib/accounts/actions";
import { choosePasswordSchema, type ChoosePasswordInput } from "@/lib/accounts/schemas";
import { submitAction } from "@/lib/forms/submit-action";

export function ChoosePasswordForm({ email, userInputs }: { email: string; userInputs: string[] }) {
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors, isSubmitting },
  } = useForm<ChoosePasswordInput>({ resolver: zodResolver(choosePasswordSchema), defaultValues: { newPassword: "", confirmPassword: "" } });
  const password = useWatch({ control, name: "newPassword" });

  async function onSubmit(values: ChoosePasswordInput) {
    setFormError(null);
    const result = await submitAction(() => choosePasswordAction(values), { fields: ["newPassword", "confirmPassword"], setError, setFormError });
    if (result) setDone(true);
  }

  if (done) {
    return (
      <div className="flex flex-col gap-4">
        <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          Votre mot de passe est enregistré. Vous pouvez maintenant vous connecter.
        </p>
        <Link href="/login" className={buttonClasses("primary", "md", "w-full")}>
          Se connecter
        </Link>
      </div>
    );
  }

  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="flex flex-col gap-5">
      <FormMessages error={formError} />
      {/* For password managers: the account this password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField id="newPassword" label="Nouveau mot de passe" type="password" autoComplete="new-password" autoFocus error={errors.newPassword?.message} registration={register("newPassword")}>
        <PasswordFeedback password={password} userInputs={userInputs} />
      </TextField>
      <TextField id="confirmPassword" label="Confirmez le mot de passe" type="password" autoComplete="new-password" error={errors.confirmPassword?.message} registration={register("confirmPassword")} />
      <Button type="submit" disabled={isSubmitting} aria-busy={isSubmitting} className="w-full">
        {isSubmitting ? "Enregistrement…" : "Enregistrer mon mot de passe"}
      </Button>
    </form>
  );
}
