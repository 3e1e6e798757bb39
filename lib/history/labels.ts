// French wording of the « Historique »: what each audited entity and field is called, and how a
// stored value reads. No server-only import: pure functions, unit-tested.
import type { AuditValue } from "@/lib/audit/record";
import { ATTACHMENT_CATEGORY_LABELS, formatFileSize } from "@/lib/attachments/labels";
import { CONNECTION_RELATION_LABELS } from "@/lib/connections/labels";
import { formatCalendarDay, formatCountry, formatDateTime, formatEuros, formatSiren, formatSiret } from "@/lib/format";
import type { AuditAction } from "@/lib/generated/prisma/enums";
import { INVOICE_STATUS_LABELS } from "@/lib/invoices/labels";
import { formatNaf } from "@/lib/naf/labels";
import { OPPORTUNITY_STATUS_LABELS } from "@/lib/opportunities/labels";
import { QUOTE_STATUS_LABELS } from "@/lib/quotes/labels";
import {
  CIVILITY_LABELS,
  PROSPECT_KIND_LABELS,
  PROSPECT_STAGE_LABELS,
  PROSPECT_STATUS_LABELS,
} from "@/lib/prospects/labels";

export const HISTORY_ENTITY_LABELS: Record<string, string> = {
  Prospect: "Prospect",
  Contact: "Contact",
  Attachment: "Pièce jointe",
  Action: "Action",
  Connection: "Connexion",
  OnboardingLink: "Lien d'inscription",
  Invoice: "Facture",
  Opportunity: "Opportunité",
  Quote: "Devis",
  QuoteLine: "Ligne de devis",
  ProspectCorrection: "Correction du client",
  ImportJob: "Import",
};

export const HISTORY_ACTION_LABELS: Record<AuditAction, string> = {
  CREATE: "Création",
  UPDATE: "Modification",
  DELETE: "Suppression",
};

export const HISTORY_FIELD_LABELS: Record<string, string> = {
  // Prospect
  kind: "Nature",
  name: "Nom",
  legalName: "Raison sociale",
  siren: "SIREN",
  siret: "SIRET",
  vatNumber: "N° de TVA intracommunautaire",
  website: "Site web",
  nafCode: "Code NAF",
  legalForm: "Forme juridique",
  headcountBand: "Tranche d'effectif",
  street: "Adresse",
  postalCode: "Code postal",
  city: "Ville",
  country: "Pays",
  partnerId: "Partenaire apporteur",
  ownerId: "Commercial",
  typeId: "Type de prospect",
  originId: "Origine",
  status: "Statut",
  stage: "Étape",
  readyAt: "Prêt à démarrer le",
  revenueCurrentYearCents: "Chiffre d'affaires de l'année",
  revenueForecastCents: "Chiffre d'affaires prévisionnel",
  comment: "Commentaire",
  recommendationActivity: "Activité",
  recommendationNeeds: "Besoins",
  recommendationInvoices: "Factures",
  internalNotes: "Notes internes",
  // Client's correction (lib/corrections)
  correctedField: "Champ corrigé",
  decision: "Décision",
  correctedValue: "Valeur",
  reason: "Motif du refus",
  // Import (lib/imports)
  importId: "Import",
  importedFrom: "Importé depuis",
  // Contact
  civility: "Civilité",
  lastName: "Nom",
  firstName: "Prénom",
  jobTitle: "Fonction",
  mobilePhone: "Téléphone mobile",
  landlinePhone: "Téléphone fixe",
  email: "E-mail",
  isFavorite: "Contact favori",
  unsubscribedAt: "Désabonné le",
  // Action
  type: "Type",
  subject: "Objet",
  notes: "Notes",
  dueAt: "Échéance",
  startAt: "Début",
  endAt: "Fin",
  done: "Fait",
  doneAt: "Fait le",
  outcome: "Compte rendu",
  assigneeId: "Responsable",
  previousAction: "Suite de",
  previousActionId: "Suite de",
  opportunity: "Opportunité",
  reminderAt: "Rappel",
  reminderByEmail: "Rappel par e-mail",
  // Opportunity
  title: "Titre",
  pipelineStage: "Étape du pipeline",
  expectedCloseDate: "Date de clôture prévue",
  closedAt: "Clôturée le",
  // Quote
  validUntil: "Valable jusqu'au",
  totalHtCents: "Total HT",
  totalVatCents: "TVA",
  totalTtcCents: "Total TTC",
  sentAt: "Envoyé le",
  acceptedAt: "Accepté le",
  declinedAt: "Refusé le",
  lines: "Lignes",
  // Attachment
  fileName: "Fichier",
  category: "Catégorie",
  mimeType: "Type de fichier",
  sizeBytes: "Taille",
  // Connection
  relation: "Relation",
  linkedProspectId: "Prospect lié",
  source: "Source",
  // Onboarding link
  sentToEmail: "Envoyé à",
  expiresAt: "Expire le",
  openedAt: "Ouvert le",
  usedAt: "Utilisé le",
  consentAt: "Consentement le",
  revokedAt: "Révoqué le",
  revokedPrevious: "Liens précédents annulés",
  // Invoice
  supplierName: "Fournisseur",
  supplierSiren: "SIREN du fournisseur",
  number: "Numéro",
  amountCents: "Montant",
  dueDate: "Échéance",
  submittedAt: "Soumise le",
  validatedAt: "Validée le",
  financedAt: "Financée le",
  paidAt: "Payée le",
  rejectedAt: "Rejetée le",
};

// "recommendationNeeds" → "Recommendation needs": an unknown field still reads as words.
export function historyFieldLabel(field: string): string {
  const known = HISTORY_FIELD_LABELS[field];
  if (known) return known;
  const words = field.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " ").trim().toLowerCase();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : field;
}

export function historyEntityLabel(entityType: string): string {
  return HISTORY_ENTITY_LABELS[entityType] ?? historyFieldLabel(entityType);
}

export const EMPTY_VALUE = "—";

const ENUM_LABELS: Record<string, Record<string, string>> = {
  status: PROSPECT_STATUS_LABELS,
  stage: PROSPECT_STAGE_LABELS,
  kind: PROSPECT_KIND_LABELS,
  civility: CIVILITY_LABELS,
  category: ATTACHMENT_CATEGORY_LABELS,
  relation: CONNECTION_RELATION_LABELS,
};

// Calendar days (`@db.Date`) are read in UTC, instants in Paris time (lib/format).
const CALENDAR_DAY_FIELDS = new Set(["dueDate", "expectedCloseDate", "validUntil"]);
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

// How a stored value reads in the history: enums by their French label, cents as euros,
// instants in Paris time, booleans Oui/Non, nothing as « — ».
export function formatHistoryValue(entityType: string, field: string, value: AuditValue): string {
  if (value === null || value === "") return EMPTY_VALUE;
  if (typeof value === "boolean") return value ? "Oui" : "Non";
  if (field === "status" && entityType === "Invoice") return INVOICE_STATUS_LABELS[value as keyof typeof INVOICE_STATUS_LABELS] ?? String(value);
  if (field === "status" && entityType === "Quote") return QUOTE_STATUS_LABELS[value as keyof typeof QUOTE_STATUS_LABELS] ?? String(value);
  if (field === "status" && entityType === "Opportunity") {
    return OPPORTUNITY_STATUS_LABELS[value as keyof typeof OPPORTUNITY_STATUS_LABELS] ?? String(value);
  }
  const enumLabels = ENUM_LABELS[field];
  if (enumLabels && typeof value === "string") return enumLabels[value] ?? value;
  if (field.endsWith("Cents")) {
    const cents = typeof value === "number" ? value : Number(value);
    return Number.isFinite(cents) ? formatEuros(cents) : String(value);
  }
  if (field === "sizeBytes" && typeof value === "number") return formatFileSize(value);
  if (typeof value === "string" && CALENDAR_DAY_FIELDS.has(field) && ISO_DAY.test(value)) return formatCalendarDay(`${value}T00:00:00Z`);
  if (typeof value === "string" && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value))) {
    return CALENDAR_DAY_FIELDS.has(field) ? formatCalendarDay(value) : formatDateTime(value);
  }
  if (field === "siren" || field === "supplierSiren") return formatSiren(String(value));
  if (field === "siret") return formatSiret(String(value));
  if (field === "nafCode") return formatNaf(String(value));
  if (field === "country") return formatCountry(String(value));
  return String(value);
}
