"use client";

import { TextField } from "@/components/prospects/wizard/form-controls";

// « Adresse »: the head office, filled by the lookup; typed by hand on the manual path.
export function AddressTab({ editable }: { editable: boolean }) {
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-slate-600">
        Cet onglet est rempli automatiquement par la recherche en ligne. Complétez-le à la main seulement si
        l&apos;entreprise n&apos;a pas été trouvée.
      </p>
      <fieldset disabled={!editable} className="grid grid-cols-1 gap-4 sm:grid-cols-6">
        <legend className="sr-only">Adresse du siège</legend>
        <TextField name="street" label="Adresse" className="sm:col-span-6" autoComplete="street-address" />
        <TextField name="postalCode" label="Code postal" className="sm:col-span-2" inputMode="numeric" autoComplete="postal-code" />
        <TextField name="city" label="Ville" className="sm:col-span-3" autoComplete="address-level2" />
        <TextField name="country" label="Pays" className="sm:col-span-1" maxLength={2} hint="Code à 2 lettres : FR." />
      </fieldset>
    </div>
  );
}
