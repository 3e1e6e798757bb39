// The merge fields a campaign message may use, and their values for one recipient. Names match
// the action-type templates (tests/factories/reference-data.ts) so one vocabulary serves both.
// No server-only import: the editor's legend and buttons read the same list.
import type { Civility } from "@/lib/generated/prisma/enums";
import { hasMergeValue, listMergePlaceholders, type MergeValues } from "@/lib/mail/merge";
import { CIVILITY_LABELS } from "@/lib/prospects/labels";

export const CAMPAIGN_MERGE_FIELDS = [
  { key: "civility", label: "Civilité", example: "Mme" },
  { key: "firstName", label: "Prénom", example: "Camille" },
  { key: "lastName", label: "Nom", example: "Martin" },
  { key: "company", label: "Entreprise", example: "Boulangerie Alpha" },
  { key: "senderName", label: "Votre nom", example: "Julie Bernard" },
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

// The editor speaks French: « {{Prénom|Madame, Monsieur}} » on screen, « {{firstName|Madame,
// Monsieur}} » stored and sent. Labels are matched without case or accents; anything else
// between braces is left as typed, for the schema to refuse with its message.
const EDITOR_TOKEN = /\{\{\s*([^{}|]+?)\s*(?:\|([^{}|]*))?\}\}/g;

function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim();
}

const KEY_BY_LABEL = new Map<string, string>(CAMPAIGN_MERGE_FIELDS.flatMap((f) => [[fold(f.label), f.key], [fold(f.key), f.key]]));
const LABEL_BY_KEY = new Map<string, string>(CAMPAIGN_MERGE_FIELDS.map((f) => [f.key, f.label]));

function token(name: string, fallback: string | undefined): string {
  return fallback === undefined ? `{{${name}}}` : `{{${name}|${fallback}}}`;
}

export function toEditorTemplate(stored: string): string {
  return stored.replace(EDITOR_TOKEN, (all, name: string, fallback: string | undefined) => {
    const label = LABEL_BY_KEY.get(name.trim());
    return label ? token(label, fallback) : all;
  });
}

export function toStoredTemplate(editor: string): string {
  return editor.replace(EDITOR_TOKEN, (all, name: string, fallback: string | undefined) => {
    const key = KEY_BY_LABEL.get(fold(name));
    return key ? token(key, fallback) : all;
  });
}

export function editorToken(label: string, fallback: string): string {
  const text = fallback.replace(/[{}|]/g, "").trim();
  return token(label, text === "" ? undefined : text);
}

export type MissingFieldCount = { key: string; label: string; missing: number; fallback: string | null };

// Before sending: for each field the templates use, how many recipients have no value for it
// (they get the fallback, or nothing, instead).
export function countMissingMergeFields(templates: readonly string[], recipients: readonly MergeValues[]): MissingFieldCount[] {
  const used = new Map<string, string | null>();
  for (const placeholder of templates.flatMap(listMergePlaceholders)) {
    if (!LABEL_BY_KEY.has(placeholder.key)) continue;
    const known = used.get(placeholder.key);
    used.set(placeholder.key, known ?? placeholder.fallback);
  }
  return [...used].map(([key, fallback]) => ({
    key,
    label: LABEL_BY_KEY.get(key)!,
    missing: recipients.filter((values) => !hasMergeValue(values, key)).length,
    fallback,
  }));
}
