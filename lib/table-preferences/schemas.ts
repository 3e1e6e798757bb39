// Each user's list layouts (hidden columns, density), stored on their User row as one JSON map
// tableId → preferences. Shared by the DataTable (client) and the action that saves them.
import { z } from "zod";
import "@/lib/zod-fr";

export const DENSITIES = ["comfortable", "compact"] as const;
export type Density = (typeof DENSITIES)[number];

export type TablePreferences = {
  hidden: string[];
  density: Density;
};

export type TablePreferencesMap = Record<string, TablePreferences>;

export const DEFAULT_TABLE_PREFERENCES: TablePreferences = { hidden: [], density: "comfortable" };

// The whole map, as stored: small enough to travel with every page's session read.
export const TABLE_PREFERENCES_MAX_BYTES = 8 * 1024;
export const TABLE_PREFERENCES_TOO_LARGE_MESSAGE =
  "Trop de préférences d'affichage enregistrées : réaffichez des colonnes dans d'autres listes puis réessayez.";

const TABLE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const COLUMN_ID = /^[A-Za-z0-9_.-]{1,64}$/;

export const saveTablePreferencesSchema = z
  .object({
    tableId: z.string().regex(TABLE_ID, "Identifiant de liste invalide."),
    hidden: z
      .array(z.string().regex(COLUMN_ID, "Identifiant de colonne invalide."))
      .max(50, "Trop de colonnes masquées.")
      .transform((ids) => [...new Set(ids)]),
    density: z.enum(DENSITIES, "Densité d'affichage inconnue."),
  })
  .strict();
export type SaveTablePreferencesInput = z.input<typeof saveTablePreferencesSchema>;

const storedEntrySchema = z.object({
  hidden: z.array(z.string()).catch([]),
  density: z.enum(DENSITIES).catch("comfortable"),
});

// The stored map read leniently: an entry of another version's shape falls back to defaults,
// never breaks a page.
export function parseTablePreferencesMap(value: unknown): TablePreferencesMap {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  const map: TablePreferencesMap = {};
  for (const [tableId, entry] of Object.entries(value)) {
    if (!TABLE_ID.test(tableId)) continue;
    const parsed = storedEntrySchema.safeParse(entry);
    map[tableId] = parsed.success ? parsed.data : DEFAULT_TABLE_PREFERENCES;
  }
  return map;
}
