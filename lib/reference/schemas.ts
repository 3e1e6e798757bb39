// The reference lists the admins edit: prospect types, origins and action types. One schema per
// form, shared by the form and its server action.
import { z } from "zod";
import "@/lib/zod-fr";
import { ActionCategory } from "@/lib/generated/prisma/enums";
import { multilineText, textLine } from "@/lib/validation/text";

export const REFERENCE_KINDS = ["prospectType", "origin", "actionType"] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

export const REFERENCE_KIND_LABELS: Record<ReferenceKind, { title: string; singular: string; newLabel: string }> = {
  prospectType: { title: "Types de prospect", singular: "type de prospect", newLabel: "Nouveau type de prospect" },
  origin: { title: "Origines", singular: "origine", newLabel: "Nouvelle origine" },
  actionType: { title: "Types d'action", singular: "type d'action", newLabel: "Nouveau type d'action" },
};

export const ACTION_CATEGORY_LABELS: Record<ActionCategory, string> = {
  CALL: "Appel",
  MEETING: "Rendez-vous",
  EMAIL: "E-mail",
  TASK: "Tâche",
  OFFER: "Offre",
  DOCUMENTATION: "Documentation",
  OTHER: "Autre",
};

const categoryValues = Object.values(ActionCategory) as [ActionCategory, ...ActionCategory[]];
const id = z.string().min(1).max(40);
const name = textLine().trim().min(1, "Le nom est obligatoire.").max(80, "Nom : 80 caractères au plus.");

function optionalTemplate(max: number, label: string) {
  return multilineText()
    .max(max, `${label} : ${max} caractères au plus.`)
    .transform((v) => (v.trim() === "" ? null : v));
}

// Add (no id) or rename a prospect type or an origin.
export const referenceNameSchema = z.object({
  kind: z.enum(["prospectType", "origin"]),
  id: id.optional(),
  name,
});
export type ReferenceNameInput = z.input<typeof referenceNameSchema>;

// Add (no id) or edit an action type.
export const actionTypeSchema = z.object({
  id: id.optional(),
  name,
  color: z
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, "Couleur invalide : au format #RRGGBB, par exemple #2563EB.")
    .transform((v) => v.toUpperCase()),
  category: z.enum(categoryValues, { error: "Choisissez une catégorie." }),
  isAppointment: z.boolean(),
  visibleToPartner: z.boolean().default(true),
  // Subjects are one line: a line break could smuggle an e-mail header.
  subjectTemplate: optionalTemplate(200, "Objet du modèle d'e-mail").refine(
    (v) => v === null || !/[\r\n]/.test(v),
    "L'objet tient sur une seule ligne.",
  ),
  bodyTemplate: optionalTemplate(10_000, "Texte du modèle d'e-mail"),
});
export type ActionTypeInput = z.input<typeof actionTypeSchema>;

export const referenceRefSchema = z.object({ kind: z.enum(REFERENCE_KINDS), id });
export const moveReferenceSchema = referenceRefSchema.extend({ direction: z.enum(["up", "down"]) });
export const setReferenceActiveSchema = referenceRefSchema.extend({ active: z.boolean() });

export type ReferenceRef = z.input<typeof referenceRefSchema>;
