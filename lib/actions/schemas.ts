// « Ajouter une action »: one schema for the form (browser) and the server action.
import { z } from "zod";
import "@/lib/zod-fr";
import { multilineText, textLine } from "@/lib/validation/text";
import { parisLocalToUtc } from "@/lib/dates";

export const ACTION_SUBJECT_MAX = 200;
export const ACTION_NOTES_MAX = 5000;

// Far enough either way for any real planning; beyond, it is a typo ("20266").
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

export const createActionSchema = z.object({
  prospectId: z.string().trim().min(1, "Choisissez le prospect concerné.").max(64),
  typeId: z.string().trim().min(1, "Choisissez un type d'action.").max(64),
  subject: textLine()
    .trim()
    .min(1, "L'objet est obligatoire.")
    .max(ACTION_SUBJECT_MAX, `L'objet ne doit pas dépasser ${ACTION_SUBJECT_MAX} caractères.`),
  // A datetime-local value, Paris time; converted to UTC by the server (parisLocalToUtc).
  scheduledAt: z
    .string()
    .trim()
    .min(1, "Indiquez la date et l'heure.")
    .refine((value) => {
      const instant = parisLocalToUtc(value);
      return instant !== null && instant.getTime() >= EARLIEST && instant.getTime() < LATEST;
    }, "Date ou heure invalide."),
  notes: multilineText()
    .trim()
    .max(ACTION_NOTES_MAX, `La note ne doit pas dépasser ${ACTION_NOTES_MAX} caractères.`)
    .optional()
    .default(""),
});

export type CreateActionInput = z.input<typeof createActionSchema>;
export type CreateActionValues = z.output<typeof createActionSchema>;

export const prospectOptionsQuerySchema = z.object({
  q: z.string().max(100).optional().default(""),
});

const actionIdField = z.string().trim().min(1, "Action introuvable.").max(64);
const typeIdField = z.string().trim().min(1, "Choisissez un type d'action.").max(64);
const subjectField = textLine()
  .trim()
  .min(1, "L'objet est obligatoire.")
  .max(ACTION_SUBJECT_MAX, `L'objet ne doit pas dépasser ${ACTION_SUBJECT_MAX} caractères.`);
const scheduledAtField = z
  .string()
  .trim()
  .min(1, "Indiquez la date et l'heure.")
  .refine((value) => {
    const instant = parisLocalToUtc(value);
    return instant !== null && instant.getTime() >= EARLIEST && instant.getTime() < LATEST;
  }, "Date ou heure invalide.");
const notesField = multilineText()
  .trim()
  .max(ACTION_NOTES_MAX, `La note ne doit pas dépasser ${ACTION_NOTES_MAX} caractères.`)
  .optional()
  .default("");
const assigneeIdField = z.string().trim().min(1, "Choisissez le responsable.").max(64);

export const ACTION_OUTCOME_MAX = 5000;

// « Fait »: the outcome, and optionally the action that follows (« Enchaîner une action »).
// A quick « Fait » is `{ actionId }` only.
export const completeActionSchema = z.object({
  actionId: actionIdField,
  outcome: multilineText()
    .trim()
    .max(ACTION_OUTCOME_MAX, `Le résultat ne doit pas dépasser ${ACTION_OUTCOME_MAX} caractères.`)
    .optional(),
  next: z
    .object({
      typeId: typeIdField,
      subject: subjectField,
      assigneeId: assigneeIdField,
      // datetime-local, Paris time.
      scheduledAt: scheduledAtField,
      notes: notesField,
    })
    .optional(),
});

export type CompleteActionInput = z.input<typeof completeActionSchema>;
export type CompleteActionValues = z.output<typeof completeActionSchema>;

export const actionIdSchema = z.object({ actionId: actionIdField });
export type ActionIdInput = z.input<typeof actionIdSchema>;

// « Ajouter une action » inside an opportunity: every active type, « Faire une offre » included.
export const createNestedActionSchema = z.object({
  opportunityId: z.string().trim().min(1, "Opportunité introuvable.").max(64),
  typeId: typeIdField,
  subject: subjectField,
  scheduledAt: scheduledAtField,
  assigneeId: assigneeIdField,
  notes: notesField,
});

export type CreateNestedActionInput = z.input<typeof createNestedActionSchema>;
export type CreateNestedActionValues = z.output<typeof createNestedActionSchema>;

// « Modifier l'action »: what was planned (not its completion, which « Fait » handles).
export const updateActionSchema = z.object({
  actionId: actionIdField,
  typeId: typeIdField,
  subject: subjectField,
  scheduledAt: scheduledAtField,
  assigneeId: assigneeIdField,
  notes: notesField,
});

export type UpdateActionInput = z.input<typeof updateActionSchema>;
export type UpdateActionValues = z.output<typeof updateActionSchema>;
