// NAF rév. 2 labels beside the codes. The table (lib/naf/naf-rev2.json, 732 sub-classes) is
// INSEE's « Nomenclature d'activités française », taken from the npm package
// @socialgouv/codes-naf 1.1.1 (Apache-2.0) and bundled so no lookup leaves the server. Pure.
import naf from "@/lib/naf/naf-rev2.json";

const CODES: Record<string, string> = naf.codes;

// "6201Z", "62.01z" and " 62.01Z " all name 62.01Z.
export function normalizeNafCode(code: string): string {
  const compact = code.trim().toUpperCase().replace(/\s+/g, "");
  return /^\d{4}[A-Z]$/.test(compact) ? `${compact.slice(0, 2)}.${compact.slice(2)}` : compact;
}

export function nafLabel(code: string | null | undefined): string | null {
  if (!code) return null;
  return CODES[normalizeNafCode(code)] ?? null;
}

// « 62.01Z — Programmation informatique », or the code alone when the table does not know it.
export function formatNaf(code: string): string {
  const label = nafLabel(code);
  return label ? `${code} — ${label}` : code;
}
