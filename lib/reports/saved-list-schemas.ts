// One schema per « Listes sur mesure » form, shared by the client form and the server action.
// A stored list's filters are re-read with `readSavedListFilters`, which never throws: a list
// saved by an older version, or edited in the database, still opens.
import { z } from "zod";
import "@/lib/zod-fr";
import { ProspectStage, ProspectStatus, type SavedListEntity } from "@/lib/generated/prisma/enums";
import { OPPORTUNITY_STATUSES } from "@/lib/opportunities/labels";
import { isListColumn, SAVED_LIST_ENTITIES } from "@/lib/reports/list-columns";
import { idFilter, orderPeriod, parseIsoDay, reportFilterFields } from "@/lib/reports/filters";
import { textLine } from "@/lib/validation/text";

export const SAVED_LIST_NAME_MAX = 80;

const statusValues = Object.values(ProspectStatus) as [ProspectStatus, ...ProspectStatus[]];
const stageValues = Object.values(ProspectStage) as [ProspectStage, ...ProspectStage[]];
export const ACTION_DONE_FILTERS = ["done", "notDone"] as const;

// What the form posts: every field a string, "" meaning « tous ».
const dayField = z
  .string()
  .trim()
  .refine((v) => v === "" || parseIsoDay(v) !== null, "Date invalide (jj/mm/aaaa).");
const idField = z
  .string()
  .trim()
  .regex(/^([A-Za-z0-9_-]{1,40})?$/, "Valeur invalide.");
const choice = <T extends string>(values: readonly [T, ...T[]]) =>
  z.union([z.enum(values), z.literal("")], { error: "Valeur invalide." });

export const savedListFiltersSchema = z.object({
  from: dayField,
  to: dayField,
  owner: idField,
  partner: idField,
  origin: idField,
  type: idField,
  // Prospects
  status: choice(statusValues),
  stage: choice(stageValues),
  // Actions
  done: choice(ACTION_DONE_FILTERS),
  actionType: idField,
  // Opportunities
  opportunityStatus: choice(OPPORTUNITY_STATUSES),
});

export type SavedListFilters = z.output<typeof savedListFiltersSchema>;

export const EMPTY_SAVED_LIST_FILTERS: SavedListFilters = {
  from: "",
  to: "",
  owner: "",
  partner: "",
  origin: "",
  type: "",
  status: "",
  stage: "",
  done: "",
  actionType: "",
  opportunityStatus: "",
};

// The filters each object understands besides the common ones; the others are cleared on save.
const ENTITY_FILTERS: Record<SavedListEntity, readonly (keyof SavedListFilters)[]> = {
  PROSPECT: ["status", "stage"],
  ACTION: ["done", "actionType"],
  OPPORTUNITY: ["opportunityStatus"],
};
const SPECIFIC_FILTERS = ["status", "stage", "done", "actionType", "opportunityStatus"] as const;

export function keepEntityFilters(entity: SavedListEntity, filters: SavedListFilters): SavedListFilters {
  const kept = { ...filters };
  for (const key of SPECIFIC_FILTERS) if (!ENTITY_FILTERS[entity].includes(key)) kept[key] = "";
  return orderPeriod(kept);
}

export const savedListNameSchema = textLine({ error: "Le nom de la liste est obligatoire." })
  .trim()
  .min(1, "Le nom de la liste est obligatoire.")
  .max(SAVED_LIST_NAME_MAX, `Le nom de la liste ne doit pas dépasser ${SAVED_LIST_NAME_MAX} caractères.`);

export const createSavedListSchema = z
  .object({
    name: savedListNameSchema,
    entity: z.enum(SAVED_LIST_ENTITIES, { error: "Choisissez l'objet de la liste." }),
    columns: z.array(z.string()).min(1, "Choisissez au moins une colonne."),
    filters: savedListFiltersSchema,
  })
  .superRefine((value, ctx) => {
    if (value.columns.some((key) => !isListColumn(value.entity, key))) {
      ctx.addIssue({ code: "custom", path: ["columns"], message: "Une des colonnes choisies n'existe pas pour cet objet." });
    }
  })
  .transform((value) => ({
    ...value,
    columns: [...new Set(value.columns)],
    filters: keepEntityFilters(value.entity, value.filters),
  }));

export type CreateSavedListInput = z.input<typeof createSavedListSchema>;
export type CreateSavedListValues = z.output<typeof createSavedListSchema>;

export const renameSavedListSchema = z.object({
  id: z.string().min(1).max(40),
  name: savedListNameSchema,
});
export type RenameSavedListInput = z.input<typeof renameSavedListSchema>;

export const deleteSavedListSchema = z.object({ id: z.string().min(1).max(40) });

// Lenient reading of stored JSON: unknown keys are ignored, bad values become « tous ».
const storedFiltersSchema = z
  .object({
    ...reportFilterFields,
    status: z.enum(statusValues).or(z.literal("")).catch(""),
    stage: z.enum(stageValues).or(z.literal("")).catch(""),
    done: z.enum(ACTION_DONE_FILTERS).or(z.literal("")).catch(""),
    actionType: idFilter,
    opportunityStatus: z.enum(OPPORTUNITY_STATUSES).or(z.literal("")).catch(""),
  })
  .catch(EMPTY_SAVED_LIST_FILTERS);

export function readSavedListFilters(entity: SavedListEntity, stored: unknown): SavedListFilters {
  const input = typeof stored === "object" && stored !== null && !Array.isArray(stored) ? stored : {};
  return keepEntityFilters(entity, storedFiltersSchema.parse(input));
}
