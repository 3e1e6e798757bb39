// The prospect wizard's field constants, apart from its schema: the form's tabs need them at
// first paint, while the schema (zod, the phone metadata) is fetched when the form is first
// validated. Pure, client-safe.
import type { ContactFormValues } from "@/lib/prospects/prospect-form-schema";

export const MAX_CONTACTS = 20;

// Fields a person does not have: hidden in the form and stored empty.
export const COMPANY_ONLY_FIELDS = [
  "legalName",
  "siren",
  "siret",
  "nafCode",
  "legalForm",
  "headcountBand",
  "website",
  "vatNumber",
] as const;

export function emptyContact(isFavorite: boolean): ContactFormValues {
  return {
    civility: "",
    lastName: "",
    firstName: "",
    jobTitle: "",
    mobilePhone: "",
    landlinePhone: "",
    email: "",
    isFavorite,
  };
}
