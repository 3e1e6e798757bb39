"use client";

import { useId, useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { HEADCOUNT_BAND_OPTIONS, LEGAL_FORM_SUGGESTIONS } from "@/lib/company-search/labels";
import type { CompanyMatch } from "@/lib/company-search/types";
import { useNafLabels } from "@/components/prospects/wizard/use-naf-labels";
import { centsToEurosInput } from "@/lib/prospects/euros";
import { COMPANY_ONLY_FIELDS } from "@/lib/prospects/prospect-form-fields";
import type { ProspectFormValues } from "@/lib/prospects/prospect-form-schema";
import { CompanyLookup } from "@/components/prospects/wizard/company-lookup";
import { TextField } from "@/components/prospects/wizard/form-controls";

const FILL = { shouldDirty: true, shouldValidate: true } as const;

// « Entreprise »: the registry lookup first, then the fields it fills (all editable, for the
// manual path). Website and VAT number are optional; a VAT number typed by hand is checked.
// A person has no company fields: they are hidden, and emptied so no stale value is checked.
function KindField({ editable }: { editable: boolean }) {
  const { register, setValue } = useFormContext<ProspectFormValues>();
  const choices = [
    { value: "COMPANY", label: "Entreprise" },
    { value: "PERSON", label: "Particulier" },
  ] as const;
  return (
    <fieldset disabled={!editable}>
      <legend className="text-sm font-medium text-slate-700">Le prospect est</legend>
      <div className="mt-2 flex gap-4">
        {choices.map((choice) => (
          <label key={choice.value} className="flex cursor-pointer items-center gap-2 text-sm text-slate-900">
            <input
              type="radio"
              value={choice.value}
              className="h-4 w-4 accent-brand-600"
              {...register("kind", {
                onChange: (event: { target: { value: string } }) => {
                  if (event.target.value !== "PERSON") return;
                  for (const field of COMPANY_ONLY_FIELDS) setValue(field, "", { shouldDirty: true });
                },
              })}
            />
            {choice.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function CompanyTab({ editable }: { editable: boolean }) {
  const { setValue, getValues, control } = useFormContext<ProspectFormValues>();
  const nafCode = useWatch({ control, name: "nafCode" });
  const naf = useNafLabels();
  const isPerson = useWatch({ control, name: "kind" }) === "PERSON";
  const creating = !getValues("id");
  const legalFormsId = useId();
  const headcountsId = useId();
  const [revenueNote, setRevenueNote] = useState<string | null>(null);

  const fill = (company: CompanyMatch) => {
    if (getValues("name").trim() === "") setValue("name", company.name, FILL);
    setValue("legalName", company.legalName ?? "", FILL);
    setValue("siren", company.siren, FILL);
    setValue("siret", company.siret ?? "", FILL);
    setValue("nafCode", company.nafCode ?? "", FILL);
    setValue("legalForm", company.legalForm ?? "", FILL);
    setValue("headcountBand", company.headcountBand ?? "", FILL);
    setValue("vatNumber", company.vatNumber ?? "", FILL);
    setValue("street", company.street ?? "", FILL);
    setValue("postalCode", company.postalCode ?? "", FILL);
    setValue("city", company.city ?? "", FILL);
    setValue("country", "FR", FILL);
    if (company.revenueCents !== null && getValues("revenueCurrentYear").trim() === "") {
      setValue("revenueCurrentYear", centsToEurosInput(company.revenueCents), FILL);
      setRevenueNote(
        `Chiffre d'affaires ${company.revenueYear ?? ""} publié au registre repris dans « Suivi du dossier » : mettez-le à jour pour l'année en cours.`,
      );
    } else {
      setRevenueNote(null);
    }
  };

  return (
    <div className="flex flex-col gap-6">
      <KindField editable={editable} />
      {isPerson ? (
        <fieldset disabled={!editable} className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <legend className="sr-only">Identité du particulier</legend>
          <TextField name="name" label="Nom et prénom" required autoComplete="name" />
        </fieldset>
      ) : null}
      {editable && !isPerson ? <CompanyLookup onSelect={fill} autoFocus={creating} /> : null}
      {revenueNote && !isPerson ? <p className="text-sm text-slate-600">{revenueNote}</p> : null}

      {isPerson ? null : (
        <fieldset disabled={!editable} className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <legend className="sr-only">Identité de l&apos;entreprise</legend>
          <TextField name="name" label="Nom de l'entreprise" required autoComplete="organization" />
          <TextField name="legalName" label="Raison sociale" />
          <TextField name="siren" label="SIREN" required inputMode="numeric" hint="9 chiffres, par exemple 812 345 676." />
          <TextField name="siret" label="SIRET du siège" inputMode="numeric" hint="14 chiffres." />
          <TextField name="nafCode" label="Code NAF" hint={naf?.nafLabel(nafCode) ?? "Par exemple 62.01Z."} />
          <TextField name="legalForm" label="Forme juridique" list={legalFormsId} />
          <TextField name="headcountBand" label="Effectif" list={headcountsId} />
          <TextField name="website" label="Site internet (facultatif)" type="text" inputMode="url" placeholder="www.entreprise.fr" />
          <TextField
            name="vatNumber"
            label="N° de TVA intracommunautaire (facultatif)"
            hint="Rempli par la recherche ; s'il est saisi à la main, sa clé est vérifiée."
          />
        </fieldset>
      )}
      <datalist id={legalFormsId}>
        {LEGAL_FORM_SUGGESTIONS.map((v) => (
          <option key={v} value={v} />
        ))}
      </datalist>
      <datalist id={headcountsId}>
        {HEADCOUNT_BAND_OPTIONS.map((v) => (
          <option key={v} value={v} />
        ))}
      </datalist>
    </div>
  );
}
