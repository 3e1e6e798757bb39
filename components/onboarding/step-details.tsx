"use client";

import type { OnboardingTextField } from "@/lib/onboarding/schemas";
import { OnboardingTextInput } from "@/components/onboarding/form-controls";

type Props = {
  values: Record<OnboardingTextField, string>;
  errors: Record<string, string | undefined>;
  siren: string | null;
  onChange: (field: OnboardingTextField, value: string) => void;
};

// Step 1: the company as we know it, to check and correct, and who represents it.
export function StepDetails({ values, errors, siren, onChange }: Props) {
  const input = (field: OnboardingTextField) => ({
    id: field,
    value: values[field],
    error: errors[field],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => onChange(field, event.target.value),
  });
  return (
    <div className="flex flex-col gap-6">
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-base font-semibold text-slate-900">Votre entreprise</legend>
        <OnboardingTextInput label="Raison sociale" autoComplete="organization" {...input("legalName")} />
        {siren ? <OnboardingTextInput id="siren" label="SIREN" value={siren} readOnly hint="Le SIREN ne peut pas être modifié." /> : null}
        <OnboardingTextInput label="Adresse du siège" autoComplete="street-address" {...input("street")} />
        <div className="grid grid-cols-[7rem_1fr] gap-3">
          <OnboardingTextInput label="Code postal" autoComplete="postal-code" inputMode="numeric" maxLength={5} {...input("postalCode")} />
          <OnboardingTextInput label="Ville" autoComplete="address-level2" {...input("city")} />
        </div>
      </fieldset>

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-base font-semibold text-slate-900">Représentant légal et contact</legend>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <OnboardingTextInput label="Prénom du représentant légal" autoComplete="given-name" {...input("representativeFirstName")} />
          <OnboardingTextInput label="Nom du représentant légal" autoComplete="family-name" {...input("representativeLastName")} />
        </div>
        <OnboardingTextInput
          label="Adresse e-mail"
          type="email"
          inputMode="email"
          autoComplete="email"
          autoCapitalize="none"
          spellCheck={false}
          {...input("email")}
        />
        <OnboardingTextInput label="Téléphone" type="tel" inputMode="tel" autoComplete="tel" {...input("phone")} />
      </fieldset>
    </div>
  );
}
