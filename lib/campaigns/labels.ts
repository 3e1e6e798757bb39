// French wording of campaigns: the seed's five steps verbatim (section 11), statuses, and why a
// file was left out. No server-only import: shared by pages and client components.
import type { CampaignStatus } from "@/lib/generated/prisma/enums";
import type { BadgeTone } from "@/components/ui/badge";

export const CAMPAIGN_STEPS = [
  { number: 1, label: "Préparer le contenu du mail" },
  { number: 2, label: "Filtrer par clients/prospects concernés par le mail" },
  { number: 3, label: "Générer un type d'action et y insérer le contenu du mail" },
  { number: 4, label: "Enregistrer : l'ensemble des actions d'envoi pour chaque fiche se crée" },
  { number: 5, label: "Visualiser l'ensemble des actions en attente et les envoyer de manière groupée, en un seul clic" },
] as const;

export type CampaignStepNumber = (typeof CAMPAIGN_STEPS)[number]["number"];

// SENT is never stored: a SENDING campaign reads as sent once nothing is left to deliver.
export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  DRAFT: "Brouillon",
  GENERATED: "Actions créées",
  SENDING: "Envoi en cours",
  SENT: "Envoyée",
};

export const CAMPAIGN_STATUS_TONES: Record<CampaignStatus, BadgeTone> = {
  DRAFT: "neutral",
  GENERATED: "info",
  SENDING: "warning",
  SENT: "success",
};

export const SKIP_REASONS = ["NO_CONTACT", "NO_FAVORITE", "NO_EMAIL", "UNSUBSCRIBED"] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export const SKIP_REASON_LABELS: Record<SkipReason, string> = {
  NO_CONTACT: "Aucun contact",
  NO_FAVORITE: "Aucun contact favori",
  NO_EMAIL: "Le contact favori n'a pas d'adresse e-mail valide",
  UNSUBSCRIBED: "Le contact favori s'est désabonné",
};

// One row of the review table: where its message stands.
// DONE: marked « Fait » by hand before any message was queued, so it is never sent.
export type CampaignActionState = "PENDING" | "QUEUED" | "SENT" | "FAILED" | "DONE";

export const CAMPAIGN_ACTION_STATE_LABELS: Record<CampaignActionState, string> = {
  PENDING: "En attente",
  QUEUED: "En cours d'envoi",
  SENT: "Envoyé",
  FAILED: "Échec",
  DONE: "Fait sans envoi",
};

export const CAMPAIGN_ACTION_STATE_TONES: Record<CampaignActionState, BadgeTone> = {
  PENDING: "neutral",
  QUEUED: "warning",
  SENT: "success",
  FAILED: "danger",
  DONE: "neutral",
};

export function recipientsCountLabel(total: number): string {
  if (total === 0) return "Aucune fiche concernée";
  return total === 1 ? "1 fiche concernée" : `${total} fiches concernées`;
}

export function campaignActionTypeName(campaignName: string): string {
  return `Campagne — ${campaignName}`;
}
