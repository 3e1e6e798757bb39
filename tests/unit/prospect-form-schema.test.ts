// The wizard's shared schema: what the browser and the server accept, and how typed values are
// stored (digits, E.164, cents, null for empty).
import { describe, expect, it } from "vitest";
import { centsToEurosInput, normalizeEurosInput, parseEurosToCents } from "@/lib/prospects/euros";
import { emptyContact, emptyProspectForm, prospectFormSchema, type ProspectFormValues } from "@/lib/prospects/prospect-form-schema";
import { parseWizardTab, tabOfField } from "@/lib/prospects/wizard-tabs";
import { favoriteIndex } from "@/lib/prospects/save-contacts";

function valid(overrides: Partial<ProspectFormValues> = {}): ProspectFormValues {
  return {
    ...emptyProspectForm(null),
    name: "Ateliers Dupré",
    siren: "812 345 676",
    contacts: [{ ...emptyContact(true), lastName: "Dupré", firstName: "Claire", landlinePhone: "04 78 12 34 56" }],
    ...overrides,
  };
}

function errorsOf(values: ProspectFormValues): Record<string, string> {
  const result = prospectFormSchema.safeParse(values);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("euros", () => {
  it.each([
    ["1250000", 125_000_000n],
    ["1 250 000", 125_000_000n],
    ["1\u202f250\u00a0000 €", 125_000_000n],
    ["1 250 000,5", 125_000_050n],
    ["980000,50", 98_000_050n],
    ["1.250.000,50", 125_000_050n],
    ["1.250.000", 125_000_000n],
    ["1250.75", 125_075n],
    ["0", 0n],
  ])("reads %j as %s cents", (typed, cents) => {
    expect(parseEurosToCents(typed)).toBe(cents);
  });

  it.each(["", "abc", "-100", "12,345", "1,2,3", "10 000 000 000 000"])("refuses %j", (typed) => {
    expect(parseEurosToCents(typed)).toBeNull();
  });

  it("writes cents back for the form", () => {
    expect(centsToEurosInput(125_000_050n)).toBe("1\u00a0250\u00a0000,50");
    expect(centsToEurosInput(125_000_000n)).toBe("1\u00a0250\u00a0000");
    expect(centsToEurosInput(99_900n)).toBe("999");
    // What the field shows is read back to the same cents.
    expect(parseEurosToCents(centsToEurosInput(141_000_050n))).toBe(141_000_050n);
    expect(centsToEurosInput(null)).toBe("");
  });

  it("puts a typed amount in the French shape on leaving the field, and keeps what is not an amount", () => {
    expect(normalizeEurosInput("1410000")).toBe("1\u00a0410\u00a0000");
    expect(normalizeEurosInput("1410000.5")).toBe("1\u00a0410\u00a0000,50");
    expect(normalizeEurosInput("1 410 000,50 €")).toBe("1\u00a0410\u00a0000,50");
    expect(normalizeEurosInput("douze")).toBe("douze");
    expect(normalizeEurosInput("")).toBe("");
  });
});

describe("prospectFormSchema", () => {
  it("normalises what it stores", () => {
    const data = prospectFormSchema.parse(
      valid({
        siret: "812 345 676 00017",
        vatNumber: "fr 19 812345676",
        nafCode: "2562b",
        website: "www.ateliers-dupre.fr",
        revenueCurrentYear: "2 812 345",
        contacts: [
          {
            ...emptyContact(true),
            civility: "MRS",
            lastName: " Dupré ",
            firstName: "Claire",
            landlinePhone: "0033 4 78 12 34 56",
            mobilePhone: "",
            email: " Claire@Ateliers-Dupre.FR ",
          },
        ],
      }),
    );
    expect(data).toMatchObject({
      siren: "812345676",
      siret: "81234567600017",
      vatNumber: "FR19812345676",
      nafCode: "25.62B",
      website: "https://www.ateliers-dupre.fr",
      revenueCurrentYear: 281_234_500n,
      legalName: null,
      comment: null,
      country: "FR",
    });
    expect(data.contacts[0]).toEqual({
      civility: "MRS",
      lastName: "Dupré",
      firstName: "Claire",
      jobTitle: null,
      mobilePhone: null,
      landlinePhone: "+33478123456",
      email: "claire@ateliers-dupre.fr",
      isFavorite: true,
    });
  });

  it("requires the name and a valid SIREN, and says why in French", () => {
    expect(errorsOf(valid({ name: " ", siren: "" }))).toEqual({
      name: "Le nom de l'entreprise est obligatoire.",
      siren: "Le SIREN est obligatoire : cherchez l'entreprise en ligne ou saisissez-le.",
    });
    expect(errorsOf(valid({ siren: "812345677" })).siren).toMatch(/clé de contrôle/);
  });

  it("checks optional fields only when they are filled", () => {
    expect(errorsOf(valid({ website: "", vatNumber: "", siret: "" }))).toEqual({});
    expect(errorsOf(valid({ website: "pas une adresse" })).website).toMatch(/^Adresse de site invalide/);
    expect(errorsOf(valid({ vatNumber: "FR00812345676" })).vatNumber).toMatch(/clé/);
    expect(errorsOf(valid({ nafCode: "62" })).nafCode).toBe("Code NAF invalide : par exemple 62.01Z.");
    expect(errorsOf(valid({ revenueForecast: "beaucoup" })).revenueForecast).toMatch(/^Montant invalide/);
  });

  it("requires a contact's names and landline, and checks phones and e-mail", () => {
    const errors = errorsOf(
      valid({
        contacts: [{ ...emptyContact(true), lastName: "", firstName: "", landlinePhone: "", mobilePhone: "07", email: "claire@" }],
      }),
    );
    expect(errors).toEqual({
      "contacts.0.lastName": "Le nom est obligatoire.",
      "contacts.0.firstName": "Le prénom est obligatoire.",
      "contacts.0.landlinePhone": "Le numéro de téléphone fixe est obligatoire.",
      "contacts.0.mobilePhone": "Numéro de téléphone invalide : saisissez par exemple 01 23 45 67 89 ou +33 1 23 45 67 89.",
      "contacts.0.email": "Adresse e-mail invalide : saisissez par exemple nom@entreprise.fr.",
    });
  });

  it("cross-checks the SIRET, the VAT number and the postal code against the rest", () => {
    expect(errorsOf(valid({ siret: "52987654200018" })).siret).toBe("Le SIRET doit commencer par le SIREN de l'entreprise.");
    expect(errorsOf(valid({ vatNumber: "FR40529876542" })).vatNumber).toBe("Ce numéro de TVA ne correspond pas au SIREN de l'entreprise.");
    expect(errorsOf(valid({ postalCode: "6900" })).postalCode).toBe("Code postal invalide : 5 chiffres en France.");
    expect(errorsOf(valid({ postalCode: "SW1A 1AA", country: "GB" }))).toEqual({});
  });

  it("needs the version to update an existing prospect", () => {
    expect(errorsOf(valid({ id: "p1" })).version).toBe("Version manquante : rechargez la page.");
    expect(errorsOf(valid({ id: "p1", version: 3 }))).toEqual({});
  });
});

describe("wizard helpers", () => {
  it("keeps exactly one favourite: the marked one, else the first", () => {
    expect(favoriteIndex([])).toBe(-1);
    expect(favoriteIndex([{ isFavorite: false }, { isFavorite: false }])).toBe(0);
    expect(favoriteIndex([{ isFavorite: false }, { isFavorite: true }, { isFavorite: true }])).toBe(1);
  });

  it("maps fields to their tab and reads ?onglet=", () => {
    expect(tabOfField("contacts.2.landlinePhone")).toBe("contacts");
    expect(tabOfField("vatNumber")).toBe("entreprise");
    expect(tabOfField("status")).toBe("suivi");
    expect(tabOfField("city")).toBe("adresse");
    expect(parseWizardTab("pieces-jointes")).toBe("pieces-jointes");
    expect(parseWizardTab(["connexions", "actions"])).toBe("connexions");
    expect(parseWizardTab("../admin")).toBe("entreprise");
    expect(parseWizardTab(undefined)).toBe("entreprise");
  });
});
