// Forms of the « Relevés de commissions » admin pages: one schema per form, shared by the form
// and its server action.
import { z } from "zod";
import "@/lib/zod-fr";
import { isCalendarDay } from "@/lib/dates";
import { textLine } from "@/lib/validation/text";

const id = z.string().min(1).max(64);
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export const generateStatementsSchema = z.object({
  month: z.string().regex(MONTH, "Choisissez un mois (AAAA-MM)."),
});
export type GenerateStatementsInput = z.input<typeof generateStatementsSchema>;

// Euros as typed in French ("-12,50" or "1 200"), turned into signed cents.
const euros = z
  .string()
  .trim()
  .min(1, "Le montant est obligatoire.")
  .transform((v) => v.replace(/[\s\u00a0\u202f€]/g, "").replace(",", "."))
  .refine((v) => /^-?\d{1,9}(\.\d{1,2})?$/.test(v), "Montant invalide : par exemple -12,50 ou 150.")
  .transform((v) => Math.round(Number(v) * 100))
  .refine((v) => v !== 0, "Un ajustement de 0 € ne change rien.");

export const addAdjustmentSchema = z.object({
  statementId: id,
  amount: euros,
  reason: textLine().trim().min(3, "Indiquez la raison de l'ajustement (3 caractères au moins).").max(300, "300 caractères au plus."),
  visibleToPartner: z.boolean().default(false),
});
export type AddAdjustmentValues = z.input<typeof addAdjustmentSchema>;
export type AddAdjustmentInput = z.output<typeof addAdjustmentSchema>;

export const validateStatementSchema = z.object({ statementId: id, version: z.number().int().min(0) });
export type ValidateStatementInput = z.input<typeof validateStatementSchema>;

export const markStatementPaidSchema = z.object({
  statementId: id,
  paidOn: z.string().refine(isCalendarDay, "Indiquez la date du paiement."),
  paymentReference: textLine().trim().min(1, "Indiquez la référence du paiement.").max(100, "100 caractères au plus."),
});
export type MarkStatementPaidValues = z.input<typeof markStatementPaidSchema>;
