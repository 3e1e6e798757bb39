// « Nouvelle opportunité » and the opportunity's own form: one schema each, shared by the form
// (browser) and the server action.
import { z } from "zod";
import "@/lib/zod-fr";
import { OPPORTUNITY_STATUSES } from "@/lib/opportunities/labels";
import { parseEurosToCents } from "@/lib/prospects/euros";
import { textLine } from "@/lib/validation/text";

export const OPPORTUNITY_TITLE_MAX = 200;

// The optimistic-lock refusal; the form recognises it to offer « Recharger ».
export const OPPORTUNITY_CONFLICT =
  "Cette opportunité a été modifiée par quelqu'un d'autre depuis que vous l'avez ouverte. Rechargez la page pour voir sa dernière version, puis refaites vos changements.";
// Opportunity.amountCents is a 32-bit integer column.
export const MAX_AMOUNT_CENTS = 2_147_483_647;

const AMOUNT_INVALID = "Montant invalide : tapez un nombre d'euros, par exemple 12 500,00.";
const AMOUNT_TOO_LARGE = "Montant trop élevé : 21 474 836,47 € au plus.";
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

// "12 500,00" → 1250000 cents; empty is 0 (the amount is not known yet).
const amountField = z
  .string()
  .trim()
  .max(30, AMOUNT_INVALID)
  .transform((value, ctx) => {
    if (value === "") return 0;
    const cents = parseEurosToCents(value);
    if (cents === null) {
      ctx.addIssue({ code: "custom", message: AMOUNT_INVALID });
      return z.NEVER;
    }
    if (cents > BigInt(MAX_AMOUNT_CENTS)) {
      ctx.addIssue({ code: "custom", message: AMOUNT_TOO_LARGE });
      return z.NEVER;
    }
    return Number(cents);
  });

// <input type="date">: "2027-03-31" or nothing.
const closeDateField = z
  .string()
  .trim()
  .refine((value) => {
    if (value === "") return true;
    const match = DAY.exec(value);
    if (!match) return false;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    return year >= 2000 && year < 2100 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  }, "Date invalide.")
  .transform((value) => (value === "" ? null : value));

const fields = {
  title: textLine()
    .trim()
    .min(1, "Le titre est obligatoire.")
    .max(OPPORTUNITY_TITLE_MAX, `Le titre ne doit pas dépasser ${OPPORTUNITY_TITLE_MAX} caractères.`),
  amount: amountField,
  stageId: z.string().trim().min(1, "Choisissez une étape.").max(64),
  expectedCloseDate: closeDateField,
  ownerId: z.string().trim().min(1, "Choisissez le commercial.").max(64),
};

export const createOpportunitySchema = z.object({
  prospectId: z.string().trim().min(1, "Prospect introuvable.").max(64),
  ...fields,
});

export type CreateOpportunityInput = z.input<typeof createOpportunitySchema>;
export type CreateOpportunityValues = z.output<typeof createOpportunitySchema>;

export const updateOpportunitySchema = z.object({
  opportunityId: z.string().trim().min(1, "Opportunité introuvable.").max(64),
  // The version the form was loaded at (optimistic locking).
  version: z.coerce.number().int().min(0),
  ...fields,
  status: z.enum(OPPORTUNITY_STATUSES, { message: "Choisissez un statut." }),
});

export type UpdateOpportunityInput = z.input<typeof updateOpportunitySchema>;
export type UpdateOpportunityValues = z.output<typeof updateOpportunitySchema>;

// A calendar day typed in a date input, stored at UTC midnight (@db.Date).
export function dayToDate(day: string | null): Date | null {
  return day ? new Date(`${day}T00:00:00.000Z`) : null;
}

// The value a date input shows for a @db.Date column.
export function dateToDay(date: Date | null | undefined): string {
  return date ? date.toISOString().slice(0, 10) : "";
}
