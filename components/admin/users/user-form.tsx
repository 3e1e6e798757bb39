"use client";

// Invite a user, or edit one's name, role and organisation. The organisation is asked for a
// partner only (required then, forbidden otherwise).
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch, type Resolver } from "react-hook-form";
import { FormMessages } from "@/components/actions/form-messages";
import { TextField } from "@/components/accounts/form-controls";
import { Button } from "@/components/ui/button";
import { SelectInput } from "@/components/ui/field";
import { inviteUserAction, updateUserAction } from "@/lib/accounts/actions";
import { inviteUserSchema, type InviteUserInput } from "@/lib/accounts/schemas";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { submitAction } from "@/lib/forms/submit-action";
import type { Role } from "@/lib/generated/prisma/enums";

type Values = InviteUserInput;

export function UserForm({
  mode,
  initial,
  roles,
  partners,
}: {
  mode: "invite" | "edit";
  initial: Values & { id?: string };
  // The roles the actor may give: a manager only invites partners.
  roles: Role[];
  partners: Array<{ id: string; name: string }>;
}) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  // One schema for both: on edit the e-mail is read-only (and valid); the server action then
  // parses the edit with updateUserSchema. Raw values: the server parses them again.
  const resolver: Resolver<Values> = zodResolver(inviteUserSchema, undefined, { raw: true });
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    control,
    formState: { errors, isSubmitting },
  } = useForm<Values>({ resolver, defaultValues: { email: initial.email, name: initial.name, role: initial.role, partnerId: initial.partnerId } });
  const role = useWatch({ control, name: "role" });

  async function onSubmit(values: Values) {
    setFormError(null);
    setSuccess(null);
    const fields = ["email", "name", "role", "partnerId"];
    if (mode === "invite") {
      const result = await submitAction(() => inviteUserAction(values), { fields, setError, setFormError });
      if (result) router.push(`/admin/utilisateurs/${result.data.id}?invite=1`);
      return;
    }
    const result = await submitAction(() => updateUserAction({ id: initial.id ?? "", name: values.name, role: values.role, partnerId: values.partnerId }), { fields, setError, setFormError });
    if (result) {
      setSuccess("Utilisateur enregistré.");
      router.refresh();
    }
  }

  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="flex flex-col gap-4 px-4 py-4">
      <FormMessages error={formError} success={success} />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <TextField id="user-email" label="Adresse e-mail" type="email" autoComplete="off" readOnly={mode === "edit"} error={errors.email?.message} registration={register("email")} />
        <TextField id="user-name" label="Nom" autoComplete="off" error={errors.name?.message} registration={register("name")} />
        <SelectInput
          id="user-role"
          label="Rôle"
          error={errors.role?.message}
          options={roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          {...register("role", { onChange: (event: { target: { value: string } }) => event.target.value !== "PARTNER" && setValue("partnerId", "") })}
        />
        {role === "PARTNER" ? (
          <SelectInput
            id="user-partner"
            label="Organisation"
            error={errors.partnerId?.message}
            options={[{ value: "", label: "Choisissez une organisation" }, ...partners.map((p) => ({ value: p.id, label: p.name }))]}
            {...register("partnerId")}
          />
        ) : null}
      </div>
      <div>
        <Button type="submit" disabled={isSubmitting} aria-busy={isSubmitting}>
          {isSubmitting ? "Enregistrement…" : mode === "invite" ? "Envoyer l'invitation" : "Enregistrer"}
        </Button>
      </div>
    </form>
  );
}
