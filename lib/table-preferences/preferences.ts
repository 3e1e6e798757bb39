// Each user's list layouts (hidden columns, density), stored on their User row as one JSON map
// tableId → preferences. No zod here: the DataTable imports this on every list page, and the
// lenient read below needs none.
export const DENSITIES = ["comfortable", "compact"] as const;
export type Density = (typeof DENSITIES)[number];

export type TablePreferences = {
  hidden: string[];
  density: Density;
};

export type TablePreferencesMap = Record<string, TablePreferences>;

export const DEFAULT_TABLE_PREFERENCES: TablePreferences = { hidden: [], density: "comfortable" };

export const TABLE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const COLUMN_ID_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;

function readEntry(entry: unknown): TablePreferences {
  if (!entry || typeof entry !== "object") return DEFAULT_TABLE_PREFERENCES;
  const { hidden, density } = entry as { hidden?: unknown; density?: unknown };
  return {
    hidden: Array.isArray(hidden) ? hidden.filter((id): id is string => typeof id === "string") : [],
    density: density === "compact" ? "compact" : "comfortable",
  };
}

// The stored map read leniently: an entry of another version's shape falls back to defaults,
// never breaks a page.
export function parseTablePreferencesMap(value: unknown): TablePreferencesMap {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  const map: TablePreferencesMap = {};
  for (const [tableId, entry] of Object.entries(value)) {
    if (TABLE_ID_PATTERN.test(tableId)) map[tableId] = readEntry(entry);
  }
  return map;
}
