// The « Devis » form: one schema for the browser (react-hook-form) and the server actions.
// Amounts stay the text the user typed; lib/quotes/totals turns them into exact integers.
import { z } from "zod";
import "@/lib/zod-fr";
import { isCalendarDay, parisDayOf } from "@/lib/dates";
import {
  formatVatRate,
  isAllowedVatRate,
  parseQuantityMilli,
  parseUnitPriceCents,
  VAT_RATES_BPS,
  type DecimalParse,
} from "@/lib/quotes/totals";
import { multilineText } from "@/lib/validation/text";

export const QUOTE_MAX_LINES = 50;
export const QUOTE_DESCRIPTION_MAX = 500;

export const DEFAULT_VALIDITY_DAYS = 30;

const quantityMessages: Record<Exclude<DecimalParse, { ok: true }>["reason"], string> = {
  empty: "Indiquez la quantité.",
  format: "Quantité invalide : saisissez un nombre, par exemple 1,5.",
  negative: "La quantité doit être positive.",
  decimals: "La quantité accepte au plus 3 décimales.",
  "too-large": "La quantité ne doit pas dépasser 1 000 000.",
};

const priceMessages: Record<Exclude<DecimalParse, { ok: true }>["reason"], string> = {
  empty: "Indiquez le prix unitaire HT.",
  format: "Prix invalide : saisissez un montant, par exemple 1 234,56.",
  negative: "Le prix unitaire ne peut pas être négatif.",
  decimals: "Le prix unitaire accepte au plus 2 décimales (centimes).",
  "too-large": "Le prix unitaire ne doit pas dépasser 10 000 000 €.",
};

export const VAT_RATE_OPTIONS = VAT_RATES_BPS.map((bps) => ({ value: String(bps), label: formatVatRate(bps) }));

export const quoteLineSchema = z.object({
  description: multilineText()
    .trim()
    .min(1, "Indiquez la désignation.")
    .max(QUOTE_DESCRIPTION_MAX, `La désignation ne doit pas dépasser ${QUOTE_DESCRIPTION_MAX} caractères.`),
  quantity: z
    .string()
    .max(30, quantityMessages.format)
    .superRefine((value, ctx) => {
      const parsed = parseQuantityMilli(value);
      if (!parsed.ok) ctx.addIssue({ code: "custom", message: quantityMessages[parsed.reason] });
      else if (parsed.value === 0) ctx.addIssue({ code: "custom", message: "La quantité doit être supérieure à 0." });
    }),
  unitPrice: z
    .string()
    .max(30, priceMessages.format)
    .superRefine((value, ctx) => {
      const parsed = parseUnitPriceCents(value);
      if (!parsed.ok) ctx.addIssue({ code: "custom", message: priceMessages[parsed.reason] });
    }),
  // Basis points as text (a <select> value): "2000" is 20 %.
  vatRate: z
    .string()
    .refine((value) => /^\d{1,5}$/.test(value) && isAllowedVatRate(Number(value)), "Taux de TVA inconnu : choisissez 20 %, 10 %, 5,5 %, 2,1 % ou 0 %."),
});

export const saveQuoteDraftSchema = z.object({
  actionId: z.string().trim().min(1, "Action introuvable.").max(64),
  // The version the form was loaded at; absent only while the action has no quote yet.
  version: z.number().int().min(0).optional(),
  validUntil: z
    .string()
    .trim()
    .min(1, "Indiquez la date de validité.")
    // Beyond this century it is a typo ("20266"), not a validity date.
    .refine((value) => isCalendarDay(value) && value >= "2000-01-01" && value < "2100-01-01", "Date de validité invalide.")
    .refine((value) => !isCalendarDay(value) || value >= parisDayOf(new Date()), "La date de validité ne peut pas être dans le passé."),
  lines: z
    .array(quoteLineSchema)
    .min(1, "Ajoutez au moins une ligne au devis.")
    .max(QUOTE_MAX_LINES, `Un devis compte au plus ${QUOTE_MAX_LINES} lignes.`),
});

export type SaveQuoteDraftInput = z.input<typeof saveQuoteDraftSchema>;
export type SaveQuoteDraftValues = z.output<typeof saveQuoteDraftSchema>;
export type QuoteLineInput = z.input<typeof quoteLineSchema>;

export const validateQuoteSchema = z.object({
  quoteId: z.string().trim().min(1, "Devis introuvable.").max(64),
  version: z.number().int().min(0),
});

export type ValidateQuoteInput = z.input<typeof validateQuoteSchema>;

export const quoteDecisionSchema = z.object({
  quoteId: z.string().trim().min(1, "Devis introuvable.").max(64),
  decision: z.enum(["ACCEPTED", "DECLINED"]),
});

export type QuoteDecisionInput = z.input<typeof quoteDecisionSchema>;

// Parsed integer form of validated lines (callers have run the schema, so parsing succeeds).
export function toLineAmounts(line: QuoteLineInput): { quantityMilli: number; unitPriceCents: number; vatRateBps: number } {
  const quantity = parseQuantityMilli(line.quantity);
  const price = parseUnitPriceCents(line.unitPrice);
  return {
    quantityMilli: quantity.ok ? quantity.value : 0,
    unitPriceCents: price.ok ? price.value : 0,
    vatRateBps: Number(line.vatRate) || 0,
  };
}
