"use client";

// The « Convention partenaire » fields, shared by the organisation's create form and the form
// that adds a version.
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { TextField } from "@/components/accounts/form-controls";
import { DateInput } from "@/components/ui/date-input";
import { controlClasses, Field } from "@/components/ui/field";
import type { AgreementVersionInput } from "@/lib/agreements/schemas";

export function AgreementFields<F extends AgreementVersionInput>({ register, errors, idPrefix }: { register: UseFormRegister<F>; errors: FieldErrors<F>; idPrefix: string }) {
  const reg = register as unknown as UseFormRegister<AgreementVersionInput>;
  const err = errors as FieldErrors<AgreementVersionInput>;
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
      <TextField id={`${idPrefix}-directRate`} label="Taux de commission (%)" inputMode="decimal" placeholder="1,25" hint="En pourcentage du montant financé, deux décimales au plus." error={err.directRate?.message} registration={reg("directRate")} />
      <Field id={`${idPrefix}-startsOn`} label="Date de début">
        <DateInput
          id={`${idPrefix}-startsOn`}
          aria-invalid={err.startsOn ? true : undefined}
          aria-describedby={err.startsOn ? `${idPrefix}-startsOn-erreur` : undefined}
          {...reg("startsOn")}
        />
        {err.startsOn ? (
          <p id={`${idPrefix}-startsOn-erreur`} className="text-sm text-red-700">
            {err.startsOn.message}
          </p>
        ) : null}
      </Field>
      <TextField id={`${idPrefix}-networkRate`} label="Taux sur le réseau (%) — facultatif" inputMode="decimal" placeholder="0,50" error={err.networkRate?.message} registration={reg("networkRate")} />
      <TextField id={`${idPrefix}-entitlementMonths`} label="Durée des droits (mois) — facultatif" inputMode="numeric" hint="Vide : sans limite." error={err.entitlementMonths?.message} registration={reg("entitlementMonths")} />
      <Field id={`${idPrefix}-notes`} label="Notes" className="sm:col-span-2">
        <textarea
          id={`${idPrefix}-notes`}
          rows={3}
          aria-invalid={err.notes ? true : undefined}
          aria-describedby={err.notes ? `${idPrefix}-notes-erreur` : undefined}
          className={`${controlClasses} h-auto py-2`}
          {...reg("notes")}
        />
        {err.notes ? (
          <p id={`${idPrefix}-notes-erreur`} className="text-sm text-red-700">
            {err.notes.message}
          </p>
        ) : null}
      </Field>
    </div>
  );
}
