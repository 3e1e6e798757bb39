// A spreadsheet row as the wizard's form values, checked with the wizard's own schema
// (prospectFormSchema), so an imported file obeys exactly the rules of a typed one. Pure.
import { importFieldLabel, normalizeHeader, type ImportFieldKey, type ImportRowData } from "@/lib/imports/fields";
import { prospectFormSchema, type ProspectFormData, type ProspectFormValues } from "@/lib/prospects/prospect-form-schema";

export type ImportTarget = { partnerId: string | null; typeId?: string | null; originId?: string | null; ownerId?: string | null };

export type RowCheck = { ok: true; form: ProspectFormData } | { ok: false; messages: string[] };

// A spreadsheet drops leading zeros of numbers typed in cells: 01000 → 1000, 0612… → 612….
function padDigits(value: string | undefined, length: number): string {
  const v = (value ?? "").trim();
  return /^\d+$/.test(v) && v.length < length && v.length >= length - 2 ? v.padStart(length, "0") : v;
}

function padPhone(value: string | undefined): string {
  const v = (value ?? "").trim();
  return /^[1-9]\d{8}$/.test(v) ? `0${v}` : v;
}

const CIVILITIES: Record<string, "MR" | "MRS"> = {
  m: "MR", mr: "MR", monsieur: "MR", mister: "MR",
  mme: "MRS", madame: "MRS", mrs: "MRS", ms: "MRS", mlle: "MRS", mademoiselle: "MRS", miss: "MRS",
};

function civility(value: string | undefined): string {
  if (!value) return "";
  // An unknown word is passed on as is, for the schema to refuse it.
  return CIVILITIES[normalizeHeader(value)] ?? value;
}

const PERSON_WORDS = new Set(["particulier", "personne", "personne physique", "person", "individual", "individu"]);

export function isPersonKind(value: string | undefined): boolean {
  return value !== undefined && PERSON_WORDS.has(normalizeHeader(value));
}

const CONTACT_KEYS: ImportFieldKey[] = ["contactCivility", "contactLastName", "contactFirstName", "contactJobTitle", "contactEmail", "contactMobile", "contactLandline"];

export function toFormValues(data: ImportRowData, target: ImportTarget): ProspectFormValues {
  const person = isPersonKind(data.kind);
  const contactName = [data.contactFirstName, data.contactLastName].filter(Boolean).join(" ");
  const hasContact = CONTACT_KEYS.some((k) => data[k]);
  const values: ProspectFormValues = {
    kind: person ? "PERSON" : "COMPANY",
    name: data.name ?? data.legalName ?? (person ? contactName : ""),
    legalName: data.legalName ?? "",
    siren: padDigits(data.siren, 9),
    siret: padDigits(data.siret, 14),
    nafCode: data.nafCode ?? "",
    legalForm: data.legalForm ?? "",
    headcountBand: "",
    website: data.website ?? "",
    vatNumber: data.vatNumber ?? "",
    partnerId: target.partnerId ?? "",
    status: "IN_DISCUSSION",
    revenueCurrentYear: "",
    revenueForecast: "",
    comment: data.comment ?? "",
    contacts: hasContact
      ? [
          {
            civility: civility(data.contactCivility) as "" | "MR" | "MRS",
            lastName: data.contactLastName ?? "",
            firstName: data.contactFirstName ?? "",
            jobTitle: data.contactJobTitle ?? "",
            mobilePhone: padPhone(data.contactMobile),
            landlinePhone: padPhone(data.contactLandline),
            email: data.contactEmail ?? "",
            isFavorite: true,
          },
        ]
      : [],
    street: data.street ?? "",
    postalCode: padDigits(data.postalCode, 5),
    city: data.city ?? "",
    country: data.country && data.country.length === 2 ? data.country : "FR",
    recommendationActivity: "",
    recommendationNeeds: "",
    recommendationInvoices: "",
  };
  if (target.typeId !== undefined) values.typeId = target.typeId ?? "";
  if (target.originId !== undefined) values.originId = target.originId ?? "";
  if (target.ownerId !== undefined) values.ownerId = target.ownerId ?? "";
  return values;
}

const CONTACT_PATH_FIELDS: Record<string, ImportFieldKey> = {
  civility: "contactCivility",
  lastName: "contactLastName",
  firstName: "contactFirstName",
  jobTitle: "contactJobTitle",
  email: "contactEmail",
  mobilePhone: "contactMobile",
  landlinePhone: "contactLandline",
};

function pathLabel(path: readonly PropertyKey[]): string | null {
  const [first, , field] = path.map(String);
  if (first === "contacts" && field) return importFieldLabel(CONTACT_PATH_FIELDS[field] ?? field);
  return first ? importFieldLabel(first) : null;
}

// Every problem of the row at once, each prefixed with the column it concerns.
export function checkImportRow(data: ImportRowData, target: ImportTarget): RowCheck {
  const parsed = prospectFormSchema.safeParse(toFormValues(data, target));
  if (parsed.success) return { ok: true, form: parsed.data };
  const messages = parsed.error.issues.map((issue) => {
    const label = pathLabel(issue.path);
    return label ? `${label} : ${issue.message}` : issue.message;
  });
  return { ok: false, messages: [...new Set(messages)] };
}

const LEGAL_FORM_WORDS = /\b(sas|sasu|sarl|eurl|sa|sci|snc|scop|selarl|ei|eirl)\b/g;

// Two files are the same company when their names match once case, accents, punctuation and
// the legal form are set aside, in the same postal code.
export function nameKey(name: string, postalCode: string | null | undefined): string | null {
  if (!postalCode) return null;
  const normalized = normalizeHeader(name).replace(LEGAL_FORM_WORDS, " ").replace(/\s+/g, " ").trim();
  return normalized ? `${normalized}|${postalCode}` : null;
}
