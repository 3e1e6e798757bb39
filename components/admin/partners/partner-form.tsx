"use client";

// Create (with the first agreement version) or edit an organisation. « Chercher une entreprise
// en ligne » fills the name, SIREN and address from the registry.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { FormMessages } from "@/components/actions/form-messages";
import { TextField } from "@/components/accounts/form-controls";
import { AgreementFields } from "@/components/admin/partners/agreement-fields";
import { CompanyLookup } from "@/components/prospects/wizard/company-lookup";
import { Button } from "@/components/ui/button";
import { createPartnerAction, updatePartnerAction } from "@/lib/accounts/actions";
import { createPartnerSchema, updatePartnerSchema, type CreatePartnerInput, type UpdatePartnerInput } from "@/lib/accounts/schemas";
import { submitAction } from "@/lib/forms/submit-action";

type Values = CreatePartnerInput & { id?: string };

const PARTNER_FIELDS = ["name", "siren", "street", "postalCode", "city", "contactEmail"] as const;
const AGREEMENT_FIELDS = ["directRate", "networkRate", "startsOn", "entitlementMonths", "notes"] as const;

export function PartnerForm({ mode, initial }: { mode: "create"; initial?: undefined } | { mode: "edit"; initial: UpdatePartnerInput }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const defaults: Values =
    mode === "edit"
      ? { ...initial, directRate: "", networkRate: "", startsOn: "", entitlementMonths: "", notes: "" }
      : { name: "", siren: "", street: "", postalCode: "", city: "", contactEmail: "", directRate: "", networkRate: "", startsOn: "", entitlementMonths: "", notes: "" };
  // Raw values: the server action parses them again with the same schema.
  const resolver: Resolver<Values> =
    mode === "create" ? zodResolver(createPartnerSchema, undefined, { raw: true }) : (zodResolver(updatePartnerSchema.omit({ id: true }), undefined, { raw: true }) as unknown as Resolver<Values>);
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<Values>({ resolver, defaultValues: defaults });

  async function onSubmit(values: Values) {
    setFormError(null);
    setSuccess(null);
    if (mode === "create") {
      const result = await submitAction(() => createPartnerAction(values), { fields: [...PARTNER_FIELDS, ...AGREEMENT_FIELDS], setError, setFormError });
      if (result) router.push(`/admin/partenaires/${result.data.id}`);
      return;
    }
    const input: UpdatePartnerInput = { id: initial.id, name: values.name, siren: values.siren, street: values.street, postalCode: values.postalCode, city: values.city, contactEmail: values.contactEmail };
    const result = await submitAction(() => updatePartnerAction(input), { fields: PARTNER_FIELDS, setError, setFormError });
    if (result) {
      setSuccess("Organisation enregistrée.");
      router.refresh();
    }
  }

  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="flex flex-col gap-5 px-4 py-4">
      <FormMessages error={formError} success={success} />
      <CompanyLookup
        onSelect={(company) => {
          const options = { shouldDirty: true, shouldValidate: false } as const;
          setValue("name", company.name, options);
          setValue("siren", company.siren, options);
          setValue("street", company.street ?? "", options);
          setValue("postalCode", company.postalCode ?? "", options);
          setValue("city", company.city ?? "", options);
        }}
      />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <TextField id="partner-name" label="Nom de l'organisation" error={errors.name?.message} registration={register("name")} />
        <TextField id="partner-siren" label="SIREN" inputMode="numeric" error={errors.siren?.message} registration={register("siren")} />
        <TextField id="partner-street" label="Adresse" autoComplete="street-address" error={errors.street?.message} registration={register("street")} />
        <TextField id="partner-postalCode" label="Code postal" inputMode="numeric" autoComplete="postal-code" error={errors.postalCode?.message} registration={register("postalCode")} />
        <TextField id="partner-city" label="Ville" autoComplete="address-level2" error={errors.city?.message} registration={register("city")} />
        <TextField id="partner-contactEmail" label="E-mail de contact" type="email" error={errors.contactEmail?.message} registration={register("contactEmail")} />
      </div>
      {mode === "create" ? (
        <fieldset className="flex flex-col gap-3 rounded-md border border-slate-200 p-4">
          <legend className="px-1 text-sm font-semibold text-slate-900">Convention partenaire</legend>
          <AgreementFields register={register} errors={errors} idPrefix="agreement" />
        </fieldset>
      ) : null}
      <div>
        <Button type="submit" disabled={isSubmitting} aria-busy={isSubmitting}>
          {isSubmitting ? "Enregistrement…" : mode === "create" ? "Créer l'organisation" : "Enregistrer"}
        </Button>
      </div>
    </form>
  );
}
