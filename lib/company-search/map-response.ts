// Turns the registry's JSON (API Recherche d'entreprises, GET /search) into CompanyMatch rows.
// Every field may be missing, null, masked as "[NON-DIFFUSIBLE]" or of an unexpected type:
// a result is only dropped when it has no valid SIREN.
import {
  headcountBandLabel,
  legalFormLabel,
  REPETITION_INDEX_LABELS,
  STREET_TYPE_LABELS,
} from "@/lib/company-search/labels";
import type { CompanyMatch, CompanySearchResult } from "@/lib/company-search/types";
import { frenchVatFromSiren, isValidVat, normalizeVat, sirenOfFrenchVat } from "@/lib/validation/vat";

type Json = Record<string, unknown>;

const MASKED = "[NON-DIFFUSIBLE]";

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string") return null;
  const trimmed = value.replace(/\s+/g, " ").trim();
  return trimmed === "" || trimmed === MASKED ? null : trimmed;
}

function integer(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return Math.round(value);
  if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value));
  return null;
}

function joinWords(...parts: (string | null)[]): string | null {
  const line = parts.filter((p): p is string => Boolean(p)).join(" ");
  return line === "" ? null : line;
}

// "9", "B", "AV", "DES CHAMPS" → "9 BIS AVENUE DES CHAMPS"; the complement (building,
// lieu-dit) follows after a comma. Falls back on the registry's one-line address minus the
// postal code and city when the parts are absent.
function streetOf(siege: Json, postalCode: string | null, city: string | null): string | null {
  const number = text(siege.numero_voie);
  const repetitionCode = text(siege.indice_repetition)?.toUpperCase() ?? null;
  const repetition = repetitionCode ? (REPETITION_INDEX_LABELS[repetitionCode] ?? repetitionCode) : null;
  const typeCode = text(siege.type_voie)?.toUpperCase() ?? null;
  const type = typeCode ? (STREET_TYPE_LABELS[typeCode] ?? typeCode) : null;
  const line = joinWords(number, repetition, type, text(siege.libelle_voie));
  const complement = text(siege.complement_adresse);
  const special = text(siege.distribution_speciale);
  const extras = [complement, special].filter((p): p is string => Boolean(p));
  if (line) return [line, ...extras].join(", ");
  if (extras.length > 0) return extras.join(", ");

  // Only when the registry sent no street parts at all: masked parts mean "not public".
  if ("libelle_voie" in siege || "numero_voie" in siege) return null;
  const full = text(siege.adresse) ?? text(siege.geo_adresse);
  if (!full) return null;
  const tail = joinWords(postalCode, city);
  const withoutCity = tail && full.toUpperCase().endsWith(tail.toUpperCase()) ? full.slice(0, -tail.length) : full;
  const street = withoutCity.replace(/\s*\d{5}\s*$/, "").trim();
  return street === "" ? null : street;
}

// The most recent year with a revenue figure, in cents.
function latestRevenue(finances: unknown): { revenueCents: number | null; revenueYear: number | null } {
  if (!isObject(finances)) return { revenueCents: null, revenueYear: null };
  let best: { year: number; ca: number } | null = null;
  for (const [yearKey, figures] of Object.entries(finances)) {
    const year = integer(yearKey);
    if (year === null || !isObject(figures)) continue;
    const ca = integer(figures.ca);
    if (ca === null) continue;
    if (!best || year > best.year) best = { year, ca };
  }
  return best ? { revenueCents: best.ca * 100, revenueYear: best.year } : { revenueCents: null, revenueYear: null };
}

// The registry lists active French VAT numbers (`tva`, an array, sometimes a single string);
// without one, the number is computed from the SIREN.
function vatOf(tva: unknown, siren: string): string {
  const candidates = (Array.isArray(tva) ? tva : [tva])
    .map(text)
    .filter((v): v is string => v !== null)
    .map(normalizeVat);
  const matching = candidates.find((v) => isValidVat(v) && sirenOfFrenchVat(v) === siren);
  return matching ?? frenchVatFromSiren(siren);
}

export function mapCompany(raw: unknown): CompanyMatch | null {
  if (!isObject(raw)) return null;
  const siren = text(raw.siren)?.replace(/\s/g, "") ?? null;
  if (!siren || !/^\d{9}$/.test(siren)) return null;

  const siege = isObject(raw.siege) ? raw.siege : {};
  const siretRaw = text(siege.siret)?.replace(/\s/g, "") ?? null;
  const siret = siretRaw && /^\d{14}$/.test(siretRaw) && siretRaw.startsWith(siren) ? siretRaw : null;
  const postalCode = text(siege.code_postal) ?? text(siege.cedex);
  const city = text(siege.libelle_commune) ?? text(siege.libelle_cedex) ?? text(siege.libelle_commune_etranger);
  const legalFormCode = text(raw.nature_juridique);
  const name = text(raw.nom_complet) ?? text(raw.nom_raison_sociale) ?? text(siege.nom_commercial) ?? `Entreprise ${siren}`;

  return {
    siren,
    name,
    legalName: text(raw.nom_raison_sociale) ?? text(raw.nom_complet),
    siret,
    nafCode: text(raw.activite_principale) ?? text(siege.activite_principale),
    legalFormCode,
    legalForm: legalFormLabel(legalFormCode),
    headcountBand:
      headcountBandLabel(text(raw.tranche_effectif_salarie)) ?? headcountBandLabel(text(siege.tranche_effectif_salarie)),
    street: streetOf(siege, postalCode, city),
    postalCode,
    city,
    ...latestRevenue(raw.finances),
    vatNumber: vatOf(raw.tva, siren),
    active: text(raw.etat_administratif) !== "C",
  };
}

export function mapSearchResponse(
  body: unknown,
  requested: { page: number; perPage: number },
): CompanySearchResult {
  const payload = isObject(body) ? body : {};
  const rawResults = Array.isArray(payload.results) ? payload.results : [];
  const results = rawResults.map(mapCompany).filter((c): c is CompanyMatch => c !== null);
  const totalResults = integer(payload.total_results) ?? results.length;
  const perPage = integer(payload.per_page) ?? requested.perPage;
  return {
    results,
    page: integer(payload.page) ?? requested.page,
    perPage,
    totalResults,
    totalPages: integer(payload.total_pages) ?? Math.max(1, Math.ceil(totalResults / Math.max(1, perPage))),
  };
}
