"use client";

// Each user's table choices (hidden columns, density) live in this browser's localStorage,
// keyed by user and table: two people sharing a computer keep their own layouts.
import { createContext, use, useCallback, useSyncExternalStore, type ReactNode } from "react";

export type Density = "comfortable" | "compact";

export type TablePreferences = {
  hidden: string[];
  density: Density;
};

const DEFAULTS: TablePreferences = { hidden: [], density: "comfortable" };
const EVENT = "table-preferences-change";

const UserContext = createContext<string>("anonyme");

export function TablePreferencesScope({ userId, children }: { userId: string; children: ReactNode }) {
  return <UserContext value={userId}>{children}</UserContext>;
}

export function preferencesStorageKey(userId: string, tableId: string) {
  return `crm:table:${userId}:${tableId}`;
}

// Anything unreadable (another version's shape, a hand-edited value) falls back to defaults.
export function parsePreferences(raw: string | null): TablePreferences {
  if (!raw) return DEFAULTS;
  try {
    const value = JSON.parse(raw) as Partial<TablePreferences>;
    const hidden = Array.isArray(value.hidden) ? value.hidden.filter((id): id is string => typeof id === "string") : [];
    const density: Density = value.density === "compact" ? "compact" : "comfortable";
    return { hidden, density };
  } catch {
    return DEFAULTS;
  }
}

function subscribe(callback: () => void) {
  window.addEventListener("storage", callback);
  window.addEventListener(EVENT, callback);
  return () => {
    window.removeEventListener("storage", callback);
    window.removeEventListener(EVENT, callback);
  };
}

function readRaw(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function useTablePreferences(tableId: string | undefined) {
  const userId = use(UserContext);
  const key = tableId ? preferencesStorageKey(userId, tableId) : null;
  // The raw string is the snapshot: stable between reads, so React does not loop.
  const raw = useSyncExternalStore(
    subscribe,
    () => (key ? readRaw(key) : null),
    () => null,
  );
  const preferences = parsePreferences(raw);
  const update = useCallback(
    (change: Partial<TablePreferences>) => {
      if (!key) return;
      const next = { ...parsePreferences(readRaw(key)), ...change };
      try {
        window.localStorage.setItem(key, JSON.stringify(next));
      } catch {
        // Private browsing without storage: the choice lasts until the page is left.
      }
      window.dispatchEvent(new Event(EVENT));
    },
    [key],
  );
  return [preferences, update] as const;
}
