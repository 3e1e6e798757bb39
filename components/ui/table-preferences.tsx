"use client";

// Each user's table choices (hidden columns, density) live on their account, so they follow
// them to any browser. The layout hands over the map read with the session; a change applies
// at once and is saved shortly after (one save per burst of clicks).
import { createContext, use, useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { saveTablePreferencesAction } from "@/lib/table-preferences/actions";
import {
  DEFAULT_TABLE_PREFERENCES,
  parseTablePreferencesMap,
  type TablePreferences,
  type TablePreferencesMap,
} from "@/lib/table-preferences/preferences";

export type { Density, TablePreferences } from "@/lib/table-preferences/preferences";

const SAVE_DELAY_MS = 400;

type Store = {
  userId: string;
  map: TablePreferencesMap;
  errors: Record<string, string>;
  set: (tableId: string, preferences: TablePreferences) => void;
};

const StoreContext = createContext<Store | null>(null);

export function TablePreferencesProvider({ userId, initial, children }: { userId: string; initial: TablePreferencesMap; children: ReactNode }) {
  const [map, setMap] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  const set = useCallback((tableId: string, preferences: TablePreferences) => {
    setMap((previous) => ({ ...previous, [tableId]: preferences }));
    clearTimeout(timers.current.get(tableId));
    timers.current.set(
      tableId,
      setTimeout(async () => {
        timers.current.delete(tableId);
        const result = await saveTablePreferencesAction({ tableId, ...preferences }).catch(() => null);
        setErrors((previous) => {
          const rest = { ...previous };
          delete rest[tableId];
          if (result?.ok) return rest;
          // The choice still applies on this page; only remembering it failed.
          return { ...rest, [tableId]: result?.error ?? "Vos préférences d'affichage n'ont pas pu être enregistrées." };
        });
      }, SAVE_DELAY_MS),
    );
  }, []);

  return <StoreContext value={{ userId, map, errors, set }}>{children}</StoreContext>;
}

// Before preferences were stored on the account, they lived in this browser's localStorage.
function legacyStorageKey(userId: string, tableId: string) {
  return `crm:table:${userId}:${tableId}`;
}

function takeLegacyPreferences(userId: string, tableId: string): TablePreferences | null {
  try {
    const key = legacyStorageKey(userId, tableId);
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    window.localStorage.removeItem(key);
    return parseTablePreferencesMap({ [tableId]: JSON.parse(raw) })[tableId] ?? null;
  } catch {
    return null;
  }
}

export function useTablePreferences(tableId: string | undefined) {
  const store = use(StoreContext);
  const stored = tableId ? store?.map[tableId] : undefined;
  const preferences = stored ?? DEFAULT_TABLE_PREFERENCES;

  // One-time move of a layout chosen before the account kept it; the account's own wins.
  const userId = store?.userId;
  const set = store?.set;
  useEffect(() => {
    if (!tableId || !userId || !set || stored) return;
    const legacy = takeLegacyPreferences(userId, tableId);
    if (legacy) set(tableId, legacy);
  }, [tableId, userId, set, stored]);

  const update = useCallback(
    (change: Partial<TablePreferences>) => {
      if (!tableId || !set) return;
      set(tableId, { ...preferences, ...change });
    },
    [tableId, set, preferences],
  );
  const error = tableId ? (store?.errors[tableId] ?? null) : null;
  return [preferences, update, error] as const;
}
