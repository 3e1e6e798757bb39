"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { FormMessages } from "@/components/actions/form-messages";
import { TextField } from "@/components/accounts/form-controls";
import { PasswordFeedback } from "@/components/accounts/password-feedback";
import { Button } from "@/components/ui/button";
import { changePasswordAction } from "@/lib/accounts/actions";
import { changePasswordSchema, type ChangePasswordInput } from "@/lib/accounts/schemas";
import { submitAction } from "@/lib/forms/submit-action";

const EMPTY: ChangePasswordInput = { currentPassword: "", newPassword: "", confirmPassword: "" };

export function ChangePasswordForm({ userInputs }: { userInputs: string[] }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    control,
    formState: { errors, isSubmitting },
  } = useForm<ChangePasswordInput>({ resolver: zodResolver(changePasswordSchema), defaultValues: EMPTY });
  const password = useWatch({ control, name: "newPassword" });

  async function onSubmit(values: ChangePasswordInput) {
    setFormError(null);
    setSuccess(null);
    const result = await submitAction(() => changePasswordAction(values), { fields: Object.keys(EMPTY), setError, setFormError });
    if (!result) return;
    reset(EMPTY);
    const closed = result.data.closedSessions;
    setSuccess(closed > 0 ? `Mot de passe modifié. ${closed} autre${closed > 1 ? "s" : ""} session${closed > 1 ? "s ont" : " a"} été fermée${closed > 1 ? "s" : ""}.` : "Mot de passe modifié.");
    router.refresh();
  }

  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="flex max-w-md flex-col gap-4 px-4 py-4">
      <FormMessages error={formError} success={success} />
      <TextField id="currentPassword" label="Mot de passe actuel" type="password" autoComplete="current-password" error={errors.currentPassword?.message} registration={register("currentPassword")} />
      <TextField id="newPassword" label="Nouveau mot de passe" type="password" autoComplete="new-password" error={errors.newPassword?.message} registration={register("newPassword")}>
        <PasswordFeedback password={password} userInputs={userInputs} />
      </TextField>
      <TextField id="confirmPassword" label="Confirmez le nouveau mot de passe" type="password" autoComplete="new-password" error={errors.confirmPassword?.message} registration={register("confirmPassword")} />
      <div>
        <Button type="submit" disabled={isSubmitting} aria-busy={isSubmitting}>
          {isSubmitting ? "Enregistrement…" : "Changer le mot de passe"}
        </Button>
      </div>
    </form>
  );
}
