// The registry's answers, in the real JSON shape (tests/support/registry-fixtures.ts), become
// the fields the wizard fills.
import { describe, expect, it } from "vitest";
import { mapCompany, mapSearchResponse } from "@/lib/company-search/map-response";
import { companySearchCacheKey, companySearchParamsSchema, isDirectLookup, normalizeCompanyQuery } from "@/lib/company-search/query";
import { isValidVat } from "@/lib/validation/vat";
import {
  ATELIERS_DUPRE,
  BAKERIES,
  JEAN_MOREAU_EI,
  MENUISERIE_BERNARD,
  NON_DIFFUSIBLE,
  TRANSPORTS_LEROY,
} from "@/tests/support/registry-fixtures";

describe("mapCompany", () => {
  it("maps a complete SAS: names, numbers, codes as labels, street spelled out, latest revenue, registry VAT", () => {
    expect(mapCompany(ATELIERS_DUPRE)).toEqual({
      siren: "812345676",
      name: "ATELIERS DUPRE (AD)",
      legalName: "ATELIERS DUPRE",
      siret: "81234567600017",
      nafCode: "25.62B",
      legalFormCode: "5710",
      legalForm: "SAS",
      headcountBand: "20 à 49 salariés",
      street: "12 BIS AVENUE JEAN JAURES",
      postalCode: "69007",
      city: "LYON",
      revenueCents: 281_234_500,
      revenueYear: 2023,
      vatNumber: "FR19812345676",
      active: true,
    });
  });

  it("computes the VAT number when the registry gives none, and keeps the address complement", () => {
    const company = mapCompany(TRANSPORTS_LEROY);
    expect(company).toMatchObject({
      legalForm: "SARL",
      headcountBand: "50 à 99 salariés",
      street: "45 CHEMIN DE LA MADRAGUE VILLE, ZI DES ARNAVAUX",
      postalCode: "13015",
      city: "MARSEILLE",
      revenueCents: 612_000_000,
      revenueYear: 2021,
      vatNumber: "FR40529876542",
    });
    expect(isValidVat(company!.vatNumber!)).toBe(true);
  });

  it("maps a sole trader without legal name, accounts or VAT list", () => {
    expect(mapCompany(JEAN_MOREAU_EI)).toMatchObject({
      name: "JEAN MOREAU",
      legalName: "JEAN MOREAU",
      legalForm: "Entrepreneur individuel",
      headcountBand: "Non employeuse",
      street: "3 RUE DES TANNEURS",
      revenueCents: null,
      revenueYear: null,
      vatNumber: "FR86900112236",
    });
  });

  it("flags a ceased company, keeps an unlabelled legal form as its code, skips years without revenue", () => {
    expect(mapCompany(MENUISERIE_BERNARD)).toMatchObject({
      active: false,
      legalForm: "SCS",
      headcountBand: null,
      street: "LIEU DIT LES GRANGES",
      revenueCents: 38_000_000,
      revenueYear: 2017,
    });
    expect(mapCompany({ ...MENUISERIE_BERNARD, nature_juridique: "5385" })?.legalForm).toBe("5385");
  });

  it("treats masked non-public values as missing", () => {
    const company = mapCompany(NON_DIFFUSIBLE);
    expect(company).toMatchObject({
      siren: "398765438",
      name: "Entreprise 398765438",
      legalName: null,
      street: null,
      postalCode: null,
      city: "BORDEAUX",
    });
  });

  it("tolerates missing blocks and odd types, and drops results without a valid SIREN", () => {
    expect(mapCompany({ siren: "812345676" })).toMatchObject({
      siren: "812345676",
      name: "Entreprise 812345676",
      siret: null,
      street: null,
      vatNumber: "FR19812345676",
      active: true,
    });
    expect(mapCompany({ siren: "812345676", siege: "?", finances: [], tva: "FR19812345676" })?.vatNumber).toBe(
      "FR19812345676",
    );
    // A head-office SIRET of another company is not trusted.
    expect(mapCompany({ siren: "812345676", siege: { siret: "52987654200018" } })?.siret).toBeNull();
    // A registry VAT number that does not belong to the SIREN is replaced by the computed one.
    expect(mapCompany({ siren: "812345676", tva: ["FR00812345676"] })?.vatNumber).toBe("FR19812345676");
    expect(mapCompany({ nom_complet: "SANS SIREN" })).toBeNull();
    expect(mapCompany({ siren: "12345" })).toBeNull();
    expect(mapCompany(null)).toBeNull();
  });
});

describe("mapSearchResponse", () => {
  it("maps the page and its paging data", () => {
    const body = {
      results: BAKERIES.slice(0, 10),
      total_results: 12,
      page: 1,
      per_page: 10,
      total_pages: 2,
    };
    const mapped = mapSearchResponse(body, { page: 1, perPage: 10 });
    expect(mapped.results).toHaveLength(10);
    expect(mapped).toMatchObject({ page: 1, perPage: 10, totalResults: 12, totalPages: 2 });
    expect(mapped.results[0]).toMatchObject({ name: "BOULANGERIE DU MARCHE", city: "RENNES", nafCode: "10.71C" });
  });

  it("answers an empty page for an unexpected body", () => {
    expect(mapSearchResponse("<html>", { page: 2, perPage: 10 })).toEqual({
      results: [],
      page: 2,
      perPage: 10,
      totalResults: 0,
      totalPages: 1,
    });
  });
});

describe("company search query", () => {
  it("sends SIREN and SIRET typed with spaces as bare digits (direct lookups)", () => {
    expect(normalizeCompanyQuery(" 812 345 676 ")).toBe("812345676");
    expect(normalizeCompanyQuery("812 345 676 00017")).toBe("81234567600017");
    expect(isDirectLookup("812.345.676")).toBe(true);
    expect(isDirectLookup("8123456")).toBe(false);
    expect(normalizeCompanyQuery("  ateliers   dupré ")).toBe("ateliers dupré");
  });

  it("validates the route's parameters with French messages", () => {
    expect(companySearchParamsSchema.parse({ q: "dupre" })).toEqual({ q: "dupre", page: 1, perPage: 10 });
    expect(companySearchParamsSchema.parse({ q: "812 345 676", page: "2", perPage: "5" })).toEqual({
      q: "812345676",
      page: 2,
      perPage: 5,
    });
    const tooShort = companySearchParamsSchema.safeParse({ q: " a " });
    expect(tooShort.success).toBe(false);
    expect(tooShort.error?.issues[0]?.message).toBe("Saisissez au moins 3 caractères.");
    expect(companySearchParamsSchema.safeParse({ q: "dupre", page: "0" }).success).toBe(false);
    expect(companySearchParamsSchema.safeParse({ q: "dupre", page: "abc" }).success).toBe(false);
    expect(companySearchParamsSchema.safeParse({ q: "dupre", perPage: "26" }).success).toBe(false);
    expect(companySearchParamsSchema.safeParse({}).success).toBe(false);
  });

  it("keys the cache on the normalised query and the page", () => {
    expect(companySearchCacheKey({ q: "Ateliers  DUPRE", page: 1, perPage: 10 })).toBe(
      companySearchCacheKey({ q: " ateliers dupre", page: 1, perPage: 10 }),
    );
    expect(companySearchCacheKey({ q: "dupre", page: 1, perPage: 10 })).not.toBe(
      companySearchCacheKey({ q: "dupre", page: 2, perPage: 10 }),
    );
  });
});

describe("mapCompany address fallback", () => {
  it("uses the one-line address without postal code and city when no street parts are sent", () => {
    const company = mapCompany({
      siren: "812345676",
      siege: { adresse: "5 QUAI DES BATELIERS 67000 STRASBOURG", code_postal: "67000", libelle_commune: "STRASBOURG" },
    });
    expect(company?.street).toBe("5 QUAI DES BATELIERS");
  });
});
