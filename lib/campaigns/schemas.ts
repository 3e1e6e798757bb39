// Campaign forms: one zod schema per form, shared by the browser and the server action.
import { z } from "zod";
import "@/lib/zod-fr";
import { CAMPAIGN_MERGE_FIELD_KEYS, mergeFieldToken } from "@/lib/campaigns/merge-fields";
import { ProspectStage, ProspectStatus } from "@/lib/generated/prisma/enums";
import { findUnknownMergeFields } from "@/lib/mail/merge";
import { PROSPECT_QUERY_MAX_LENGTH } from "@/lib/prospects/schemas";
import { multilineText, textLine } from "@/lib/validation/text";

export const CAMPAIGN_NAME_MAX = 120;
export const CAMPAIGN_SUBJECT_MAX = 200;
export const CAMPAIGN_BODY_MAX = 10_000;

// The placeholder syntax lib/mail/merge.ts renders; anything else between braces would reach the
// recipient as typed, so it is refused rather than sent.
const WELL_FORMED_PLACEHOLDER = /\{\{\s*[A-Za-z][A-Za-z0-9_]*\s*(?:\|[^{}|]*)?\}\}/g;

const AVAILABLE = CAMPAIGN_MERGE_FIELD_KEYS.map(mergeFieldToken).join(", ");

// The first problem with a template's merge fields, in French, or null when every field is known.
export function mergeFieldProblem(template: string): string | null {
  const stripped = template.replace(WELL_FORMED_PLACEHOLDER, "");
  if (stripped.includes("{{") || stripped.includes("}}")) {
    return `Champ de fusion mal écrit : utilisez la forme {{nomDuChamp}} ou {{nomDuChamp|texte si vide}} (${AVAILABLE}).`;
  }
  const unknown = findUnknownMergeFields(template, CAMPAIGN_MERGE_FIELD_KEYS);
  if (unknown.length > 0) {
    const list = unknown.map(mergeFieldToken).join(", ");
    return `${unknown.length === 1 ? "Champ de fusion inconnu" : "Champs de fusion inconnus"} : ${list}. Champs disponibles : ${AVAILABLE}.`;
  }
  return null;
}

function withMergeFields<T extends z.ZodString>(schema: T) {
  return schema.superRefine((value, ctx) => {
    const problem = mergeFieldProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
}

export const campaignContentSchema = z.object({
  name: textLine()
    .trim()
    .min(1, "Le nom de la campagne est obligatoire.")
    .max(CAMPAIGN_NAME_MAX, `Le nom ne doit pas dépasser ${CAMPAIGN_NAME_MAX} caractères.`),
  // Line breaks get the subject's own message just below.
  subjectTemplate: withMergeFields(
    multilineText()
      .trim()
      .min(1, "L'objet est obligatoire.")
      .max(CAMPAIGN_SUBJECT_MAX, `L'objet ne doit pas dépasser ${CAMPAIGN_SUBJECT_MAX} caractères.`)
      .refine((value) => !/[\r\n\u2028\u2029]/.test(value), "L'objet tient sur une seule ligne."),
  ),
  bodyTemplate: withMergeFields(
    multilineText()
      .trim()
      .min(1, "Le message est obligatoire.")
      .max(CAMPAIGN_BODY_MAX, `Le message ne doit pas dépasser ${CAMPAIGN_BODY_MAX} caractères.`),
  ),
});

export type CampaignContentInput = z.input<typeof campaignContentSchema>;
export type CampaignContentValues = z.output<typeof campaignContentSchema>;

const idField = z.string().trim().min(1, "Campagne introuvable.").max(64);

export const updateCampaignContentSchema = campaignContentSchema.extend({ campaignId: idField });
export type UpdateCampaignContentInput = z.input<typeof updateCampaignContentSchema>;

const statusValues = Object.values(ProspectStatus) as [ProspectStatus, ...ProspectStatus[]];
const stageValues = Object.values(ProspectStage) as [ProspectStage, ...ProspectStage[]];
const referenceId = z.string().regex(/^[A-Za-z0-9_-]{0,40}$/, "Valeur de filtre invalide.");

// The prospects-list filters a campaign chooses its recipients with (the list's own keys).
export const campaignCriteriaSchema = z.object({
  q: textLine().trim().max(PROSPECT_QUERY_MAX_LENGTH, `La recherche ne doit pas dépasser ${PROSPECT_QUERY_MAX_LENGTH} caractères.`).default(""),
  status: z.enum(statusValues).or(z.literal("")).default(""),
  stage: z.enum(stageValues).or(z.literal("")).default(""),
  type: referenceId.default(""),
  owner: referenceId.default(""),
  origin: referenceId.default(""),
  partner: referenceId.default(""),
});

export type CampaignCriteriaInput = z.input<typeof campaignCriteriaSchema>;
export type CampaignCriteria = z.output<typeof campaignCriteriaSchema>;

export const EMPTY_CRITERIA: CampaignCriteria = { q: "", status: "", stage: "", type: "", owner: "", origin: "", partner: "" };

export const saveCampaignFilterSchema = z.object({ campaignId: idField, criteria: campaignCriteriaSchema });
export type SaveCampaignFilterInput = z.input<typeof saveCampaignFilterSchema>;

export const campaignIdSchema = z.object({ campaignId: idField });
export type CampaignIdInput = z.input<typeof campaignIdSchema>;

export const campaignActionSchema = z.object({ campaignId: idField, actionId: z.string().trim().min(1, "Action introuvable.").max(64) });
export type CampaignActionInput = z.input<typeof campaignActionSchema>;

export const unsubscribeSchema = z.object({ token: z.string().trim().min(1).max(200) });
