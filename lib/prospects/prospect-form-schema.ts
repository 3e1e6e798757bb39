// The prospect wizard's one schema: the browser validates with it (react-hook-form + zodResolver)
// and saveProspectAction parses the same values with it, so both accept and refuse the same input.
import { z } from "zod";
import "@/lib/zod-fr";
import { multilineText, textLine } from "@/lib/validation/text";
import { ProspectKind, ProspectStatus } from "@/lib/generated/prisma/enums";
import { parseEurosToCents } from "@/lib/prospects/euros";
import { normalizePhone, PHONE_MESSAGES } from "@/lib/validation/phone";
import { compactDigits, SIRET_MESSAGES, sirenError, siretError } from "@/lib/validation/siren";
import { normalizeVat, sirenOfFrenchVat, VAT_MESSAGES, vatError } from "@/lib/validation/vat";

import { MAX_CONTACTS } from "@/lib/prospects/prospect-form-fields";

export { COMPANY_ONLY_FIELDS, emptyContact, MAX_CONTACTS } from "@/lib/prospects/prospect-form-fields";

const statusValues = Object.values(ProspectStatus) as [ProspectStatus, ...ProspectStatus[]];
const kindValues = Object.values(ProspectKind) as [ProspectKind, ...ProspectKind[]];

export const SIREN_REQUIRED_MESSAGE = "Le SIREN est obligatoire : cherchez l'entreprise en ligne ou saisissez-le.";

// Internal-only reference choices: absent (undefined) means "leave unchanged", "" clears.
const referenceId = z
  .string()
  .max(40)
  .optional()
  .transform((v) => (v === undefined ? undefined : v === "" ? null : v));

// Empty text is "not given": stored as null. Past 1,000 characters a field is free text
// (comment, recommendation) and keeps its line breaks.
function optionalText(max: number, label: string) {
  return (max > 1000 ? multilineText() : textLine())
    .trim()
    .max(max, `${label} : ${max} caractères au plus.`)
    .transform((v) => (v === "" ? null : v));
}

function requiredText(max: number, message: string, label: string) {
  return textLine().trim().min(1, message).max(max, `${label} : ${max} caractères au plus.`);
}

const phone = z.string().transform((value, ctx) => {
  const trimmed = value.trim();
  if (trimmed === "") return null;
  const e164 = normalizePhone(trimmed);
  if (!e164) {
    ctx.addIssue({ code: "custom", message: PHONE_MESSAGES.invalid });
    return z.NEVER;
  }
  return e164;
});

const euros = z.string().transform((value, ctx) => {
  if (value.trim() === "") return null;
  const cents = parseEurosToCents(value);
  if (cents === null) {
    ctx.addIssue({ code: "custom", message: "Montant invalide : saisissez un nombre d'euros, par exemple 1 250 000 ou 980 000,50." });
    return z.NEVER;
  }
  return cents;
});

export const contactFormSchema = z.object({
  id: z.string().max(40).optional(),
  civility: z.enum(["", "MR", "MRS"], { error: "Civilité invalide." }).transform((v) => (v === "" ? null : v)),
  lastName: requiredText(100, "Le nom est obligatoire.", "Nom"),
  firstName: requiredText(100, "Le prénom est obligatoire.", "Prénom"),
  jobTitle: optionalText(120, "Fonction"),
  mobilePhone: phone,
  landlinePhone: phone.transform((value, ctx) => {
    if (value === null) {
      ctx.addIssue({ code: "custom", message: PHONE_MESSAGES.required });
      return z.NEVER;
    }
    return value;
  }),
  email: z
    .string()
    .trim()
    .max(254, "Adresse e-mail : 254 caractères au plus.")
    .transform((v) => v.toLowerCase())
    .pipe(z.union([z.literal(""), z.email("Adresse e-mail invalide : saisissez par exemple nom@entreprise.fr.")]))
    .transform((v) => (v === "" ? null : v)),
  isFavorite: z.boolean(),
});

export const prospectFormSchema = z
  .object({
    // Absent for a new prospect; an existing one is saved against the version it was read at.
    id: z.string().max(40).optional(),
    version: z.number().int().positive().optional(),
    // The « Oui » of the « Prêt à démarrer » confirmation.
    confirmReady: z.boolean().optional(),

    // « Entreprise ». A person has no company fields; company stays the default.
    kind: z.enum(kindValues, { error: "Choisissez entreprise ou particulier." }).default("COMPANY"),
    name: requiredText(200, "Le nom de l'entreprise est obligatoire.", "Nom"),
    legalName: optionalText(200, "Raison sociale"),
    siren: z.string().transform((value, ctx) => {
      const digits = compactDigits(value);
      // Required for a company only: checked below, where the kind is known.
      if (digits === "") return null;
      const problem = sirenError(digits);
      if (problem) {
        ctx.addIssue({ code: "custom", message: problem });
        return z.NEVER;
      }
      return digits;
    }),
    siret: z.string().transform((value, ctx) => {
      const digits = compactDigits(value);
      if (digits === "") return null;
      const problem = siretError(digits);
      if (problem) {
        ctx.addIssue({ code: "custom", message: problem });
        return z.NEVER;
      }
      return digits;
    }),
    nafCode: z
      .string()
      .trim()
      .toUpperCase()
      .refine((v) => v === "" || /^\d{2}\.?\d{2}[A-Z]$/.test(v), "Code NAF invalide : par exemple 62.01Z.")
      .transform((v) => (v === "" ? null : v.length === 5 ? `${v.slice(0, 2)}.${v.slice(2)}` : v)),
    legalForm: optionalText(120, "Forme juridique"),
    headcountBand: optionalText(60, "Effectif"),
    website: z
      .string()
      .trim()
      .max(300, "Site internet : 300 caractères au plus.")
      .transform((v) => (v === "" || /^https?:\/\//i.test(v) ? v : `https://${v}`))
      .pipe(z.union([z.literal(""), z.httpUrl("Adresse de site invalide : par exemple www.entreprise.fr.")]))
      .transform((v) => (v === "" ? null : v)),
    vatNumber: z.string().transform((value, ctx) => {
      if (value.trim() === "") return null;
      const problem = vatError(value);
      if (problem) {
        ctx.addIssue({ code: "custom", message: problem });
        return z.NEVER;
      }
      return normalizeVat(value);
    }),

    // « Suivi du dossier ». partnerId: "" is a direct file (internal users only choose it).
    partnerId: z.string().max(40).transform((v) => (v === "" ? null : v)),
    status: z.enum(statusValues, { error: "Choisissez un statut." }),
    revenueCurrentYear: euros,
    revenueForecast: euros,
    comment: optionalText(5000, "Commentaire"),
    // Internal team only (the server ignores them from partners).
    typeId: referenceId,
    originId: referenceId,
    ownerId: referenceId,

    // « Contacts »
    contacts: z.array(contactFormSchema).max(MAX_CONTACTS, `${MAX_CONTACTS} contacts au plus.`),

    // « Adresse »
    street: optionalText(300, "Adresse"),
    postalCode: z
      .string()
      .trim()
      .max(10, "Code postal : 10 caractères au plus.")
      .transform((v) => (v === "" ? null : v)),
    city: optionalText(120, "Ville"),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, "Pays invalide.")
      .default("FR"),

    // « Recommandation »
    recommendationActivity: optionalText(5000, "Activité"),
    recommendationNeeds: optionalText(5000, "Besoins"),
    recommendationInvoices: optionalText(5000, "Factures"),
  })
  // Runs even when other fields failed, so a missing SIREN is reported with the rest.
  .refine((value) => value.kind === "PERSON" || value.siren !== null, {
    path: ["siren"],
    message: SIREN_REQUIRED_MESSAGE,
    when: () => true,
  })
  .superRefine((value, ctx) => {
    if (value.kind === "PERSON") return;
    if (value.siret && value.siren && !value.siret.startsWith(value.siren)) {
      ctx.addIssue({ code: "custom", path: ["siret"], message: SIRET_MESSAGES.mismatch });
    }
    const vatSiren = value.vatNumber ? sirenOfFrenchVat(value.vatNumber) : null;
    if (vatSiren && value.siren && vatSiren !== value.siren) {
      ctx.addIssue({ code: "custom", path: ["vatNumber"], message: VAT_MESSAGES.sirenMismatch });
    }
  })
  .superRefine((value, ctx) => {
    if (value.id && value.version === undefined) {
      ctx.addIssue({ code: "custom", path: ["version"], message: "Version manquante : rechargez la page." });
    }
    if (value.postalCode && value.country === "FR" && !/^\d{5}$/.test(value.postalCode)) {
      ctx.addIssue({ code: "custom", path: ["postalCode"], message: "Code postal invalide : 5 chiffres en France." });
    }
  });

export type ProspectFormValues = z.input<typeof prospectFormSchema>;
export type ProspectFormData = z.output<typeof prospectFormSchema>;
export type ContactFormValues = z.input<typeof contactFormSchema>;
export type ContactFormData = z.output<typeof contactFormSchema>;

export function emptyProspectForm(partnerId: string | null): ProspectFormValues {
  return {
    kind: "COMPANY",
    name: "",
    legalName: "",
    siren: "",
    siret: "",
    nafCode: "",
    legalForm: "",
    headcountBand: "",
    website: "",
    vatNumber: "",
    partnerId: partnerId ?? "",
    status: "IN_DISCUSSION",
    revenueCurrentYear: "",
    revenueForecast: "",
    comment: "",
    contacts: [],
    street: "",
    postalCode: "",
    city: "",
    country: "FR",
    recommendationActivity: "",
    recommendationNeeds: "",
    recommendationInvoices: "",
  };
}
