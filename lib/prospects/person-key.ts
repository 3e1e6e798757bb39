// One « particulier » per organisation: a person file's identity is its normalised name with its
// contact's e-mail (else its postal code). A partial unique index on this key (active files
// only, like the SIREN) makes concurrent identical creations yield one row. Pure.
export const PERSON_INDEX = "Prospect_active_person_key";
export const PERSON_TAKEN_MESSAGE =
  "Ce particulier est déjà enregistré dans votre organisation (même nom et même e-mail ou code postal) : ouvrez son dossier existant.";

export function normalizePersonName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .sort()
    .join(" ");
}

type PersonInput = {
  kind: "COMPANY" | "PERSON";
  name: string;
  postalCode: string | null;
  contacts: readonly { email: string | null; isFavorite: boolean }[];
};

// Null for a company, or a person with neither e-mail nor postal code to tell namesakes apart.
export function personKeyOf(input: PersonInput, partnerId: string | null): string | null {
  if (input.kind !== "PERSON") return null;
  const name = normalizePersonName(input.name);
  if (!name) return null;
  const contact = input.contacts.find((c) => c.isFavorite) ?? input.contacts[0];
  const email = contact?.email?.trim().toLowerCase();
  const second = email ? `@${email}` : input.postalCode ? `cp${input.postalCode}` : null;
  return second ? `${partnerId ?? "direct"}|${name}|${second}` : null;
}
