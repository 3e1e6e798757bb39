"use client";

import { TextAreaField } from "@/components/prospects/wizard/form-controls";

// « Recommandation »: optional, but it lets the sales team handle the file faster.
export function RecommendationTab({ editable }: { editable: boolean }) {
  return (
    <div className="flex flex-col gap-4">
      <p className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">
        Facultatif, mais vivement recommandé : ces informations permettent de traiter le dossier plus rapidement et
        vous évitent d&apos;être contacté pour la moindre question sur votre client.
      </p>
      <fieldset disabled={!editable} className="flex flex-col gap-4">
        <legend className="sr-only">Recommandation</legend>
        <TextAreaField name="recommendationActivity" label="Son activité" hint="Métier, clientèle, ancienneté, saisonnalité…" />
        <TextAreaField name="recommendationNeeds" label="Ses besoins" hint="Délais de paiement, trésorerie, fournisseurs à financer…" />
        <TextAreaField name="recommendationInvoices" label="Ses factures" hint="Volume mensuel, montants moyens, principaux fournisseurs…" />
      </fieldset>
    </div>
  );
}
