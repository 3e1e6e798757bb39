// The merge fields a campaign message may use, and their values for one recipient. Names match
// the action-type templates (tests/factories/reference-data.ts) so one vocabulary serves both.
// No server-only import: the editor's legend and buttons read the same list.
import type { Civility } from "@/lib/generated/prisma/enums";
import type { MergeValues } from "@/lib/mail/merge";
import { CIVILITY_LABELS } from "@/lib/prospects/labels";

export const CAMPAIGN_MERGE_FIELDS = [
  { key: "civility", label: "Civilité", example: "Mme" },
  { key: "firstName", label: "Prénom", example: "Camille" },
  { key: "lastName", label: "Nom", example: "Martin" },
  { key: "company", label: "Société", example: "Boulangerie Alpha" },
  { key: "senderName", label: "Expéditeur", example: "Julie Bernard" },
] as const;

export type CampaignMergeField = (typeof CAMPAIGN_MERGE_FIELDS)[number]["key"];

export const CAMPAIGN_MERGE_FIELD_KEYS: readonly string[] = CAMPAIGN_MERGE_FIELDS.map((f) => f.key);

export function mergeFieldToken(key: string): string {
  return `{{${key}}}`;
}

export type CampaignRecipientData = {
  civility: Civility | null;
  firstName: string;
  lastName: string;
  company: string;
  senderName: string;
};

export function campaignMergeValues(data: CampaignRecipientData): MergeValues {
  return {
    civility: data.civility ? CIVILITY_LABELS[data.civility] : "",
    firstName: data.firstName,
    lastName: data.lastName,
    company: data.company,
    senderName: data.senderName,
  };
}

// What the editor shows as a sample: every field filled with its example.
export const CAMPAIGN_SAMPLE_VALUES: MergeValues = Object.fromEntries(CAMPAIGN_MERGE_FIELDS.map((f) => [f.key, f.example]));
