"use client";

// A change of terms is a new version from its start date; past versions are never edited.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormMessages } from "@/components/actions/form-messages";
import { AgreementFields } from "@/components/admin/partners/agreement-fields";
import { Button } from "@/components/ui/button";
import { createAgreementVersionAction } from "@/lib/accounts/actions";
import { createAgreementVersionSchema, type CreateAgreementVersionInput } from "@/lib/agreements/schemas";
import { submitAction } from "@/lib/forms/submit-action";

export function AgreementVersionForm({ partnerId }: { partnerId: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const empty: CreateAgreementVersionInput = { partnerId, directRate: "", networkRate: "", startsOn: "", entitlementMonths: "", notes: "" };
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<CreateAgreementVersionInput>({
    // Raw values: the server action parses them again with the same schema.
    resolver: zodResolver(createAgreementVersionSchema, undefined, { raw: true }),
    defaultValues: empty,
  });

  async function onSubmit(values: CreateAgreementVersionInput) {
    setFormError(null);
    setSuccess(null);
    const result = await submitAction(() => createAgreementVersionAction(values), {
      fields: ["directRate", "networkRate", "startsOn", "entitlementMonths", "notes"],
      setError,
      setFormError,
    });
    if (!result) return;
    reset(empty);
    setSuccess("Nouvelle version de la convention enregistrée.");
    router.refresh();
  }

  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="flex flex-col gap-4 px-4 py-4">
      <FormMessages error={formError} success={success} />
      <AgreementFields register={register} errors={errors} idPrefix="new-version" />
      <div>
        <Button type="submit" disabled={isSubmitting} aria-busy={isSubmitting}>
          {isSubmitting ? "Enregistrement…" : "Ajouter cette version"}
        </Button>
      </div>
    </form>
  );
}
