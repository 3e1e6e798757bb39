// The columns a custom list (« liste sur mesure ») may show, per object, with their French
// labels. This whitelist is the only vocabulary between the form and the queries: a saved list
// stores these keys, and the server maps each key to its own select (lib/reports/list-fields),
// so no name typed or posted by a user ever reaches a query. Client-safe.
import type { SavedListEntity } from "@/lib/generated/prisma/enums";
import type { ExportColumn } from "@/lib/reports/export-values";
import { GLOSSARY } from "@/lib/labels/glossary";

export const SAVED_LIST_ENTITIES = ["PROSPECT", "ACTION", "OPPORTUNITY"] as const satisfies readonly SavedListEntity[];

export const SAVED_LIST_ENTITY_LABELS: Record<SavedListEntity, string> = {
  PROSPECT: "Prospects",
  ACTION: "Actions",
  OPPORTUNITY: "Opportunités",
};

export type ListColumn = { key: string; label: string; kind: ExportColumn["kind"] };

export const LIST_COLUMNS = {
  PROSPECT: [
    { key: "name", label: "Nom", kind: "text" },
    { key: "legalName", label: "Raison sociale", kind: "text" },
    { key: "siren", label: "SIREN", kind: "text" },
    { key: "postalCode", label: "Code postal", kind: "text" },
    { key: "city", label: "Ville", kind: "text" },
    { key: "status", label: "Statut", kind: "text" },
    { key: "stage", label: "Étape", kind: "text" },
    { key: "type", label: "Type de prospect", kind: "text" },
    { key: "origin", label: "Origine", kind: "text" },
    { key: "owner", label: "Commercial", kind: "text" },
    { key: "partner", label: "Partenaire", kind: "text" },
    { key: "contactName", label: "Contact favori", kind: "text" },
    { key: "contactEmail", label: "E-mail du contact", kind: "text" },
    { key: "contactPhone", label: "Téléphone du contact", kind: "text" },
    { key: "revenueCurrentYear", label: "CA de l'année (€)", kind: "money" },
    { key: "revenueForecast", label: "CA prévisionnel (€)", kind: "money" },
    { key: "createdAt", label: "Créé le", kind: "datetime" },
  ],
  ACTION: [
    { key: "dueAt", label: "Échéance", kind: "datetime" },
    { key: "type", label: "Type d'action", kind: "text" },
    { key: "subject", label: "Objet de l'action", kind: "text" },
    { key: "prospect", label: "Prospect", kind: "text" },
    { key: "assignee", label: GLOSSARY.responsible, kind: "text" },
    { key: "done", label: "Faite", kind: "boolean" },
    { key: "doneAt", label: "Faite le", kind: "datetime" },
    { key: "outcome", label: "Résultat", kind: "text" },
    { key: "notes", label: "Notes", kind: "text" },
    { key: "opportunity", label: "Opportunité", kind: "text" },
    { key: "owner", label: "Commercial du prospect", kind: "text" },
    { key: "partner", label: "Partenaire", kind: "text" },
    { key: "createdAt", label: "Créée le", kind: "datetime" },
  ],
  OPPORTUNITY: [
    { key: "title", label: "Titre", kind: "text" },
    { key: "prospect", label: "Prospect", kind: "text" },
    { key: "owner", label: "Commercial", kind: "text" },
    { key: "stage", label: "Étape du pipeline", kind: "text" },
    { key: "status", label: "Statut", kind: "text" },
    { key: "amount", label: "Montant (€)", kind: "money" },
    { key: "expectedCloseDate", label: "Conclusion prévue", kind: "date" },
    { key: "closedAt", label: "Clôturée le", kind: "datetime" },
    { key: "partner", label: "Partenaire", kind: "text" },
    { key: "origin", label: "Origine", kind: "text" },
    { key: "type", label: "Type de prospect", kind: "text" },
    { key: "createdAt", label: "Créée le", kind: "datetime" },
  ],
} as const satisfies Record<SavedListEntity, readonly ListColumn[]>;

export type ListColumnKey<E extends SavedListEntity> = (typeof LIST_COLUMNS)[E][number]["key"];

// Pre-ticked in the creation form when the object is chosen.
export const DEFAULT_LIST_COLUMNS: Record<SavedListEntity, readonly string[]> = {
  PROSPECT: ["name", "city", "status", "owner", "partner"],
  ACTION: ["dueAt", "type", "subject", "prospect", "assignee", "done"],
  OPPORTUNITY: ["title", "prospect", "owner", "status", "amount"],
};

export function isListColumn(entity: SavedListEntity, key: string): boolean {
  return (LIST_COLUMNS[entity] as readonly ListColumn[]).some((c) => c.key === key);
}

// The stored keys that are still in the whitelist, in the whitelist's order and without
// duplicates: a column retired from the code leaves old lists readable.
export function resolveListColumns(entity: SavedListEntity, keys: readonly string[]): ListColumn[] {
  const wanted = new Set(keys);
  return (LIST_COLUMNS[entity] as readonly ListColumn[]).filter((c) => wanted.has(c.key));
}
