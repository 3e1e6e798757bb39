import { describe, expect, it } from "vitest";
import { CONSENT_REQUIRED_MESSAGE, onboardingDetailsSchema, onboardingSubmissionSchema } from "@/lib/onboarding/schemas";
import { parseTriageListParams, triageListQuery } from "@/lib/onboarding/triage-schemas";

const valid = {
  legalName: "  Boulangerie Dupont SAS ",
  street: "12 rue de la République",
  postalCode: "69002",
  city: "Lyon",
  representativeFirstName: "Camille",
  representativeLastName: "Dupont",
  email: "camille@dupont.fr",
  phone: "06 12 34 56 78",
};

describe("onboarding form schema", () => {
  it("trims text and stores the phone in E.164", () => {
    const parsed = onboardingSubmissionSchema.parse({ ...valid, consent: "on" });
    expect(parsed.legalName).toBe("Boulangerie Dupont SAS");
    expect(parsed.phone).toBe("+33612345678");
    expect(parsed.consent).toBe(true);
  });

  it("requires the consent box", () => {
    for (const consent of [undefined, "", "off", false]) {
      const result = onboardingSubmissionSchema.safeParse({ ...valid, consent });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe(CONSENT_REQUIRED_MESSAGE);
    }
  });

  it("words every refusal in French under its field", () => {
    const result = onboardingDetailsSchema.safeParse({
      legalName: " ",
      street: "",
      postalCode: "6900",
      city: "x".repeat(101),
      representativeFirstName: "",
      representativeLastName: "Dupont",
      email: "pas-un-email",
      phone: "01 23",
    });
    expect(result.success).toBe(false);
    const byField = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(byField).toMatchObject({
      legalName: "La raison sociale est obligatoire.",
      street: "L'adresse est obligatoire.",
      postalCode: "Le code postal doit compter 5 chiffres.",
      city: "La ville ne doit pas dépasser 100 caractères.",
      representativeFirstName: "Le prénom du représentant légal est obligatoire.",
      email: "Adresse e-mail invalide : saisissez par exemple nom@entreprise.fr.",
    });
    expect(byField.phone).toMatch(/Numéro de téléphone invalide/);
  });

  it("refuses missing fields with French messages rather than type errors", () => {
    const result = onboardingDetailsSchema.safeParse({});
    expect(result.success).toBe(false);
    expect(result.error!.issues.every((i) => /obligatoire/.test(i.message))).toBe(true);
  });
});

describe("triage list parameters", () => {
  it("defaults to the files still to handle, 25 a page", () => {
    expect(parseTriageListParams({})).toEqual({ page: 1, perPage: 25, vue: "a-traiter" });
    expect(triageListQuery(parseTriageListParams({}))).toEqual({});
  });

  it("falls back to defaults on a malformed query string", () => {
    expect(parseTriageListParams({ page: "-3", perPage: "7", vue: "<script>" })).toEqual({
      page: 1,
      perPage: 25,
      vue: "a-traiter",
    });
    expect(parseTriageListParams({ page: ["2", "5"], vue: ["tous"] })).toEqual({ page: 2, perPage: 25, vue: "tous" });
  });

  it("round-trips through the URL", () => {
    const params = { page: 3, perPage: 50, vue: "mes-dossiers" } as const;
    expect(parseTriageListParams(triageListQuery(params))).toEqual(params);
  });
});
