// The pipeline columns of the objectives board (PipelineStage) and the move of a card between
// them: one schema per form, shared by the form and its server action.
import { z } from "zod";
import "@/lib/zod-fr";
import type { PipelineStageKind } from "@/lib/generated/prisma/enums";

export const COLUMN_LABEL_MAX = 60;

export const PIPELINE_KIND_LABELS: Record<PipelineStageKind, string> = {
  IN_PROGRESS: "En cours",
  WON: "Conclue",
  LOST: "Perdue",
};

const id = z.string().min(1).max(40);
const label = z
  .string()
  .trim()
  .min(1, "Le libellé de la colonne est obligatoire.")
  .max(COLUMN_LABEL_MAX, `Libellé : ${COLUMN_LABEL_MAX} caractères au plus.`);

export const moveOpportunityStageSchema = z.object({ opportunityId: id, stageId: id });
export type MoveOpportunityStageInput = z.input<typeof moveOpportunityStageSchema>;

export const renameColumnSchema = z.object({ stageId: id, label });
export type RenameColumnInput = z.input<typeof renameColumnSchema>;

export const addColumnSchema = z.object({
  label,
  kind: z.enum(["IN_PROGRESS", "WON", "LOST"], { error: "Choisissez le genre de la colonne." }),
});
export type AddColumnInput = z.input<typeof addColumnSchema>;

export const moveColumnSchema = z.object({ stageId: id, direction: z.enum(["up", "down"]) });
export type MoveColumnInput = z.input<typeof moveColumnSchema>;

export const retireColumnSchema = z.object({
  stageId: id,
  // Required only when the column holds opportunities; "" from an empty select means none.
  targetStageId: z
    .string()
    .max(40)
    .optional()
    .transform((v) => (v ? v : undefined)),
});
export type RetireColumnInput = z.input<typeof retireColumnSchema>;
