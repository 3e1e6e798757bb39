// The columns « Importer des prospects » understands: each field's French label (the template's
// header) and the headers that map to it automatically, French or English. Pure: shared by the
// mapping step in the browser and the server.
export const IMPORT_FIELDS = [
  { key: "name", label: "Nom", aliases: ["nom", "nom de l entreprise", "entreprise", "societe", "company", "company name", "name", "nom commercial", "enseigne", "prospect", "client"] },
  { key: "kind", label: "Nature", aliases: ["nature", "type de prospect entreprise ou particulier", "kind", "entreprise ou particulier"] },
  { key: "legalName", label: "Raison sociale", aliases: ["raison sociale", "denomination", "denomination sociale", "legal name", "corporate name"] },
  { key: "siren", label: "SIREN", aliases: ["siren", "n siren", "numero siren", "siren number"] },
  { key: "siret", label: "SIRET", aliases: ["siret", "n siret", "numero siret", "siret number"] },
  { key: "vatNumber", label: "N° de TVA intracommunautaire", aliases: ["tva", "n tva", "numero de tva", "n de tva intracommunautaire", "tva intracommunautaire", "vat", "vat number"] },
  { key: "nafCode", label: "Code NAF", aliases: ["naf", "code naf", "code ape", "ape", "naf code"] },
  { key: "legalForm", label: "Forme juridique", aliases: ["forme juridique", "legal form"] },
  { key: "website", label: "Site web", aliases: ["site web", "site internet", "site", "website", "url"] },
  { key: "street", label: "Adresse", aliases: ["adresse", "rue", "adresse postale", "address", "street"] },
  { key: "postalCode", label: "Code postal", aliases: ["code postal", "cp", "postal code", "zip", "zip code", "postcode"] },
  { key: "city", label: "Ville", aliases: ["ville", "commune", "city", "town"] },
  { key: "country", label: "Pays", aliases: ["pays", "country", "code pays"] },
  { key: "comment", label: "Commentaire", aliases: ["commentaire", "commentaires", "remarque", "notes", "note", "comment", "comments"] },
  { key: "contactCivility", label: "Civilité du contact", aliases: ["civilite", "civilite du contact", "civility", "title", "salutation"] },
  { key: "contactLastName", label: "Nom du contact", aliases: ["nom du contact", "contact nom", "nom contact", "last name", "lastname", "contact last name", "surname"] },
  { key: "contactFirstName", label: "Prénom du contact", aliases: ["prenom du contact", "prenom", "contact prenom", "prenom contact", "first name", "firstname", "contact first name"] },
  { key: "contactJobTitle", label: "Fonction du contact", aliases: ["fonction", "fonction du contact", "poste", "job title", "title of contact", "position"] },
  { key: "contactEmail", label: "E-mail du contact", aliases: ["e mail", "email", "mail", "e mail du contact", "email du contact", "adresse e mail", "courriel", "contact email"] },
  { key: "contactMobile", label: "Téléphone mobile", aliases: ["telephone mobile", "mobile", "portable", "tel mobile", "tel portable", "mobile phone", "cell phone"] },
  { key: "contactLandline", label: "Téléphone fixe", aliases: ["telephone fixe", "telephone", "tel", "fixe", "tel fixe", "phone", "landline", "landline phone", "office phone"] },
] as const;

export type ImportFieldKey = (typeof IMPORT_FIELDS)[number]["key"];
export type ImportRowData = Partial<Record<ImportFieldKey, string>>;
// Column index → field (null: column ignored).
export type ImportMapping = (ImportFieldKey | null)[];

export const IMPORT_FIELD_KEYS = IMPORT_FIELDS.map((f) => f.key) as readonly ImportFieldKey[];
export const MAX_IMPORT_ROWS = 10_000;
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export function importFieldLabel(key: string): string {
  return IMPORT_FIELDS.find((f) => f.key === key)?.label ?? key;
}

export function isImportFieldKey(value: unknown): value is ImportFieldKey {
  return typeof value === "string" && (IMPORT_FIELD_KEYS as readonly string[]).includes(value);
}

// « Téléphone fixe », "TELEPHONE_FIXE" and "téléphone-fixe " all read "telephone fixe".
export function normalizeHeader(header: string): string {
  return header
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

// Each header to the field it names, each field used at most once (the first column wins).
export function autoMapHeaders(headers: readonly string[]): ImportMapping {
  const used = new Set<ImportFieldKey>();
  return headers.map((header) => {
    const normalized = normalizeHeader(header);
    const field = IMPORT_FIELDS.find(
      (f) => !used.has(f.key) && (normalizeHeader(f.label) === normalized || (f.aliases as readonly string[]).includes(normalized)),
    );
    if (!field) return null;
    used.add(field.key);
    return field.key;
  });
}

export function applyMapping(mapping: ImportMapping, cells: readonly string[]): ImportRowData {
  const data: ImportRowData = {};
  mapping.forEach((key, index) => {
    if (!key) return;
    const value = (cells[index] ?? "").trim();
    if (value !== "") data[key] = value;
  });
  return data;
}

// The template: one header per field, in the order above, and one example row.
export function importTemplateRows(): string[][] {
  const example: Record<ImportFieldKey, string> = {
    name: "Boulangerie Martin",
    kind: "Entreprise",
    legalName: "BOULANGERIE MARTIN SAS",
    siren: "552100554",
    siret: "55210055400013",
    vatNumber: "",
    nafCode: "10.71C",
    legalForm: "SAS",
    website: "www.boulangerie-martin.fr",
    street: "3 place du Marché",
    postalCode: "69002",
    city: "Lyon",
    country: "FR",
    comment: "",
    contactCivility: "Mme",
    contactLastName: "Martin",
    contactFirstName: "Camille",
    contactJobTitle: "Gérante",
    contactEmail: "camille@boulangerie-martin.fr",
    contactMobile: "06 12 34 56 78",
    contactLandline: "04 78 12 34 56",
  };
  return [IMPORT_FIELDS.map((f) => f.label), IMPORT_FIELDS.map((f) => example[f.key])];
}
