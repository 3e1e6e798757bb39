// The import wizard's inputs: the column mapping the user corrected and, for the internal team,
// where the files go. Shared by the wizard and the route handlers.
import { z } from "zod";
import "@/lib/zod-fr";
import { IMPORT_FIELD_KEYS, type ImportFieldKey } from "@/lib/imports/fields";

const optionalId = z
  .string()
  .max(40)
  .optional()
  .transform((v) => (v ? v : null));

export const importOptionsSchema = z.object({
  partnerId: optionalId,
  ownerId: optionalId,
  typeId: optionalId,
  originId: optionalId,
  // « Compléter avec le registre » (a checkbox: "on", or "true" from the wizard).
  enrich: z
    .string()
    .optional()
    .transform((v) => v === "on" || v === "true"),
});

export const DUPLICATE_MAPPING_MESSAGE = "Chaque champ ne peut recevoir qu'une colonne : corrigez la correspondance.";
export const NAME_COLUMN_MESSAGE = "Associez une colonne au champ « Nom » ou « Raison sociale ».";

// The mapping as posted: one field key (or "" to ignore the column) per column, as JSON.
export const importMappingSchema = z
  .string()
  .max(20_000)
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "Correspondance des colonnes illisible : rechargez la page." });
      return z.NEVER;
    }
  })
  .pipe(z.array(z.union([z.literal(""), z.null(), z.enum(IMPORT_FIELD_KEYS as [ImportFieldKey, ...ImportFieldKey[]])])).max(200))
  .transform((list) => list.map((v) => (v ? v : null)))
  .superRefine((list, ctx) => {
    const used = list.filter((v): v is ImportFieldKey => v !== null);
    if (new Set(used).size !== used.length) ctx.addIssue({ code: "custom", message: DUPLICATE_MAPPING_MESSAGE });
    if (!used.includes("name") && !used.includes("legalName")) ctx.addIssue({ code: "custom", message: NAME_COLUMN_MESSAGE });
  });

export type ImportOptions = z.output<typeof importOptionsSchema>;
