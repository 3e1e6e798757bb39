import "server-only";
import { CompanyRegistryError, type CompanySearchClient } from "@/lib/company-search/client";
import type { ImportFieldKey, ImportRowData } from "@/lib/imports/fields";
import { compactDigits, isValidSiren } from "@/lib/validation/siren";

export const ENRICHED_NOTE = "Complété avec le registre.";
export const REGISTRY_UNAVAILABLE_NOTE = "Registre indisponible : ligne importée sans complément.";
export const REGISTRY_NOT_FOUND_NOTE = "SIREN introuvable au registre : ligne importée sans complément.";

// Registry fields an import may fill, only where the spreadsheet left the cell empty.
const FILLABLE: { key: ImportFieldKey; from: "legalName" | "siret" | "nafCode" | "legalForm" | "street" | "postalCode" | "city" | "vatNumber" }[] = [
  { key: "legalName", from: "legalName" },
  { key: "siret", from: "siret" },
  { key: "nafCode", from: "nafCode" },
  { key: "legalForm", from: "legalForm" },
  { key: "street", from: "street" },
  { key: "postalCode", from: "postalCode" },
  { key: "city", from: "city" },
  { key: "vatNumber", from: "vatNumber" },
];

// « Compléter avec le registre » for one row: the company with the row's SIREN, through the
// shared client (its rate limit and cache). The spreadsheet's own values always win; a registry
// that is down or busy never stops the row from being imported.
export async function enrichImportRow(registry: CompanySearchClient, data: ImportRowData): Promise<{ data: ImportRowData; note: string | null }> {
  const siren = compactDigits(data.siren ?? "");
  if (!isValidSiren(siren)) return { data, note: null };
  if (FILLABLE.every(({ key }) => data[key])) return { data, note: null };
  try {
    const result = await registry.search({ q: siren, page: 1, perPage: 1 });
    const match = result.results.find((c) => c.siren === siren);
    if (!match) return { data, note: REGISTRY_NOT_FOUND_NOTE };
    const filled: ImportRowData = { ...data };
    let changed = false;
    for (const { key, from } of FILLABLE) {
      const value = match[from];
      if (!filled[key] && value) {
        filled[key] = value;
        changed = true;
      }
    }
    return { data: filled, note: changed ? ENRICHED_NOTE : null };
  } catch (error) {
    if (error instanceof CompanyRegistryError) return { data, note: REGISTRY_UNAVAILABLE_NOTE };
    throw error;
  }
}
