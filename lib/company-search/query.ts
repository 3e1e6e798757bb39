// The lookup's input, validated the same way by the route handler and the browser.
import { z } from "zod";
import "@/lib/zod-fr";
import type { CompanySearchQuery } from "@/lib/company-search/types";

export const COMPANY_SEARCH_MIN_LENGTH = 3;
export const COMPANY_SEARCH_MAX_LENGTH = 200;
// The registry serves at most 25 results per page.
export const COMPANY_SEARCH_PER_PAGE = 10;
export const COMPANY_SEARCH_MAX_PER_PAGE = 25;
export const COMPANY_SEARCH_MAX_PAGE = 100;

// A SIREN (9 digits) or SIRET (14 digits) typed with spaces or dots is a direct lookup: the
// registry recognises both when they are sent as bare digits.
export function normalizeCompanyQuery(q: string): string {
  const collapsed = q.replace(/\s+/g, " ").trim();
  const digits = collapsed.replace(/[\s.\u00a0\u202f]/g, "");
  if (/^\d{9}$/.test(digits) || /^\d{14}$/.test(digits)) return digits;
  return collapsed;
}

export function isDirectLookup(q: string): boolean {
  return /^\d{9}$|^\d{14}$/.test(normalizeCompanyQuery(q));
}

export const companySearchParamsSchema = z.object({
  q: z
    .string({ error: "Saisissez un nom d'entreprise, un SIREN ou un SIRET." })
    .transform(normalizeCompanyQuery)
    .pipe(
      z
        .string()
        .min(COMPANY_SEARCH_MIN_LENGTH, `Saisissez au moins ${COMPANY_SEARCH_MIN_LENGTH} caractères.`)
        .max(COMPANY_SEARCH_MAX_LENGTH, `La recherche est limitée à ${COMPANY_SEARCH_MAX_LENGTH} caractères.`),
    ),
  page: z.coerce
    .number({ error: "Le numéro de page doit être un nombre." })
    .int("Le numéro de page doit être un entier.")
    .min(1, "Le numéro de page commence à 1.")
    .max(COMPANY_SEARCH_MAX_PAGE, `Le numéro de page est limité à ${COMPANY_SEARCH_MAX_PAGE}.`)
    .default(1),
  perPage: z.coerce
    .number({ error: "Le nombre de résultats doit être un nombre." })
    .int("Le nombre de résultats doit être un entier.")
    .min(1, "Au moins un résultat par page.")
    .max(COMPANY_SEARCH_MAX_PER_PAGE, `Au plus ${COMPANY_SEARCH_MAX_PER_PAGE} résultats par page.`)
    .default(COMPANY_SEARCH_PER_PAGE),
}) satisfies z.ZodType<CompanySearchQuery, unknown>;

// The cache key: the same search typed differently ("ACME  sas" / "acme SAS") is one entry.
export function companySearchCacheKey(query: CompanySearchQuery): string {
  return `${normalizeCompanyQuery(query.q).toLocaleLowerCase("fr-FR")}|${query.page}|${query.perPage}`;
}
