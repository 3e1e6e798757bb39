// Said before « Envoyer tout »: which merge fields some recipients have no value for, and what
// they will read instead (the field's fallback text, or nothing).
import type { MissingFieldCount } from "@/lib/campaigns/merge-fields";

export function MissingFieldsWarning({ recipients, fields }: { recipients: number; fields: MissingFieldCount[] }) {
  const lacking = fields.filter((field) => field.missing > 0);
  if (recipients === 0 || lacking.length === 0) return null;
  return (
    <div role="note" aria-label="Champs de fusion manquants" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      <p className="font-medium">Avant d&apos;envoyer : certains destinataires n&apos;ont pas de valeur pour un champ utilisé.</p>
      <ul className="mt-1 list-disc pl-5">
        {lacking.map((field) => (
          <li key={field.key}>
            « {field.label} » : {field.missing} destinataire{field.missing > 1 ? "s" : ""} sur {recipients}
            {field.fallback ? ` recevront « ${field.fallback} » à la place.` : " ; le champ restera vide (ajoutez un texte de remplacement à l'étape 1)."}
          </li>
        ))}
      </ul>
    </div>
  );
}
