// What the save action accepts: one list's layout, checked field by field.
import { z } from "zod";
import "@/lib/zod-fr";
import { COLUMN_ID_PATTERN, DENSITIES, TABLE_ID_PATTERN } from "@/lib/table-preferences/preferences";

// The whole map, as stored: small enough to travel with every page's session read.
export const TABLE_PREFERENCES_MAX_BYTES = 8 * 1024;
export const TABLE_PREFERENCES_TOO_LARGE_MESSAGE =
  "Trop de préférences d'affichage enregistrées : réaffichez des colonnes dans d'autres listes puis réessayez.";

export const saveTablePreferencesSchema = z
  .object({
    tableId: z.string().regex(TABLE_ID_PATTERN, "Identifiant de liste invalide."),
    hidden: z
      .array(z.string().regex(COLUMN_ID_PATTERN, "Identifiant de colonne invalide."))
      .max(50, "Trop de colonnes masquées.")
      .transform((ids) => [...new Set(ids)]),
    density: z.enum(DENSITIES, "Densité d'affichage inconnue."),
  })
  .strict();
export type SaveTablePreferencesInput = z.input<typeof saveTablePreferencesSchema>;
