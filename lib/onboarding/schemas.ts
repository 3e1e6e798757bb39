// The client's onboarding form: shared by the page (step-by-step checks) and the route that
// receives it, so both accept and reject the same input with the same French messages.
import { z } from "zod";
import "@/lib/zod-fr";
import type { AttachmentCategory } from "@/lib/generated/prisma/enums";
import { normalizePhone, PHONE_MESSAGES } from "@/lib/validation/phone";
import { textLine } from "@/lib/validation/text";

const text = (label: string, max: number) =>
  textLine({ message: `${label} est obligatoire.` })
    .trim()
    .min(1, `${label} est obligatoire.`)
    .max(max, `${label} ne doit pas dépasser ${max} caractères.`);

export const CONSENT_LABEL =
  "Je certifie l'exactitude des informations et des documents transmis, et j'accepte leur traitement pour l'ouverture du compte de mon entreprise.";
export const CONSENT_REQUIRED_MESSAGE = "Cochez cette case pour transmettre votre dossier.";

export const onboardingDetailsSchema = z.object({
  legalName: text("La raison sociale", 200),
  street: text("L'adresse", 200),
  postalCode: z
    .string({ message: "Le code postal est obligatoire." })
    .trim()
    .regex(/^\d{5}$/, "Le code postal doit compter 5 chiffres."),
  city: text("La ville", 100),
  representativeFirstName: text("Le prénom du représentant légal", 100),
  representativeLastName: text("Le nom du représentant légal", 100),
  email: z
    .string({ message: "L'adresse e-mail est obligatoire." })
    .trim()
    .min(1, "L'adresse e-mail est obligatoire.")
    .max(254, "Adresse e-mail trop longue.")
    .pipe(z.email("Adresse e-mail invalide : saisissez par exemple nom@entreprise.fr.")),
  phone: z
    .string({ message: "Le numéro de téléphone est obligatoire." })
    .trim()
    .min(1, "Le numéro de téléphone est obligatoire.")
    .transform((value, ctx) => {
      const e164 = normalizePhone(value);
      if (!e164) {
        ctx.addIssue({ code: "custom", message: PHONE_MESSAGES.invalid });
        return z.NEVER;
      }
      return e164;
    }),
});

export const onboardingSubmissionSchema = onboardingDetailsSchema.extend({
  // A checkbox posts "on"; anything else means it was left unticked.
  consent: z.preprocess((v) => v === true || v === "on" || v === "true", z.literal(true, { message: CONSENT_REQUIRED_MESSAGE })),
});

export type OnboardingDetailsInput = z.input<typeof onboardingDetailsSchema>;
export type OnboardingSubmission = z.output<typeof onboardingSubmissionSchema>;
export type OnboardingTextField = keyof OnboardingDetailsInput;

export const ONBOARDING_DOCUMENTS = [
  {
    field: "idDocument",
    category: "ID_DOCUMENT",
    label: "Pièce d'identité du représentant légal",
    hint: "Carte d'identité (recto et verso) ou passeport en cours de validité. Une photo nette suffit.",
  },
  {
    field: "kbis",
    category: "COMPANY_REGISTRATION",
    label: "Extrait Kbis",
    hint: "De moins de trois mois, en PDF ou en photo.",
  },
  {
    field: "rib",
    category: "BANK_DETAILS",
    label: "RIB",
    hint: "Relevé d'identité bancaire au nom de l'entreprise.",
  },
] as const satisfies ReadonlyArray<{ field: string; category: AttachmentCategory; label: string; hint: string }>;

export type OnboardingDocumentField = (typeof ONBOARDING_DOCUMENTS)[number]["field"];

export function missingDocumentMessage(label: string): string {
  return `Ajoutez le document : ${label}.`;
}
