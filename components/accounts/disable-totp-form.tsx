"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormMessages } from "@/components/actions/form-messages";
import { TextField } from "@/components/accounts/form-controls";
import { Button } from "@/components/ui/button";
import { disableTotpAction } from "@/lib/accounts/mfa-actions";
import { totpCodeSchema, type TotpCodeInput } from "@/lib/accounts/schemas";
import { submitAction } from "@/lib/forms/submit-action";

export function DisableTotpForm() {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TotpCodeInput>({ resolver: zodResolver(totpCodeSchema), defaultValues: { code: "" } });

  async function onSubmit(values: TotpCodeInput) {
    setFormError(null);
    const result = await submitAction(() => disableTotpAction(values), { fields: ["code"], setError, setFormError });
    if (result) router.refresh();
  }

  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="flex max-w-sm flex-col gap-4">
      <FormMessages error={formError} />
      <TextField id="disable-code" label="Code actuel ou code de secours" autoComplete="one-time-code" error={errors.code?.message} registration={register("code")} />
      <div>
        <Button type="submit" variant="secondary" disabled={isSubmitting} aria-busy={isSubmitting}>
          {isSubmitting ? "Désactivation…" : "Désactiver la double authentification"}
        </Button>
      </div>
    </form>
  );
}
