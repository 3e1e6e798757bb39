// The fields a client can correct on the onboarding page, as the « Corrections du client » block
// and the sales team's notification name them. Pure: shared by the server and the block.
export const CORRECTION_FIELDS = {
  legalName: { label: "Raison sociale", target: "prospect" },
  street: { label: "Adresse", target: "prospect" },
  postalCode: { label: "Code postal", target: "prospect" },
  city: { label: "Ville", target: "prospect" },
  "contact.firstName": { label: "Prénom du contact", target: "contact" },
  "contact.lastName": { label: "Nom du contact", target: "contact" },
  "contact.email": { label: "E-mail du contact", target: "contact" },
  "contact.mobilePhone": { label: "Téléphone mobile du contact", target: "contact" },
  "contact.landlinePhone": { label: "Téléphone fixe du contact", target: "contact" },
} as const satisfies Record<string, { label: string; target: "prospect" | "contact" }>;

export type CorrectionField = keyof typeof CORRECTION_FIELDS;

export function isCorrectionField(value: string): value is CorrectionField {
  return Object.hasOwn(CORRECTION_FIELDS, value);
}

export function correctionFieldLabel(field: string): string {
  return isCorrectionField(field) ? CORRECTION_FIELDS[field].label : field;
}

export const SENSITIVE_CONFIRM_MESSAGE =
  "Cette correction change l'adresse e-mail où partent les messages du client : cochez la confirmation pour l'accepter.";
export const ALREADY_DECIDED_MESSAGE = "Cette correction a déjà été traitée entre-temps. Rechargez la page.";
export const NO_CONTACT_MESSAGE =
  "Le contact corrigé n'existe plus sur ce dossier : reportez la valeur à la main dans l'onglet « Contacts ».";

export function pendingCorrectionsBadge(count: number): string {
  return count === 1 ? "1 correction à valider" : `${count} corrections à valider`;
}
