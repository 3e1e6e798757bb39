// The objectives widget's URL parameters and the « Définir l'objectif » form, shared by the
// form and its server action.
import { z } from "zod";
import "@/lib/zod-fr";
import { OBJECTIVE_PERIODS } from "@/lib/objectives/period";
import { parseEurosToCents } from "@/lib/prospects/euros";

// Cards drawn per column: a few at first (the home page is read at a glance; every card is about
// 1.5 kB of HTML and RSC payload, 200 of them made the manager's home half a megabyte), more once
// « Afficher les N suivantes » opened the column (?colonnes=, issue 14: « send only what is
// visible »). The column's count and total always cover all of its opportunities.
export const INITIAL_CARDS_PER_COLUMN = 10;
export const CARDS_PER_COLUMN = 50;

// The home page's query string: a bad value falls back to the default instead of failing.
export const objectivesParamsSchema = z.object({
  periode: z.enum(OBJECTIVE_PERIODS).catch("mois"),
  representant: z.string().trim().min(1).max(40).optional().catch(undefined),
  // The board's columns opened with « Afficher les N suivantes », comma-separated stage ids.
  colonnes: z
    .string()
    .max(1000)
    .transform((v) => [...new Set(v.split(",").map((id) => id.trim()))].filter((id) => id.length > 0 && id.length <= 40).slice(0, 30))
    .catch([])
    .default([]),
});
export type ObjectivesParams = z.output<typeof objectivesParamsSchema>;

// Query-string values may repeat (?a=1&a=2): the first one counts.
export function parseObjectivesParams(query: Record<string, string | string[] | undefined>): ObjectivesParams {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  return objectivesParamsSchema.parse({ periode: first(query.periode), representant: first(query.representant), colonnes: first(query.colonnes) });
}

// SalesTarget.amountCents is a 32-bit integer.
export const MAX_TARGET_CENTS = 2_000_000_000;
export const TARGET_AMOUNT_MESSAGE = "Saisissez un montant en euros, par exemple 25 000 ou 12 500,50 (20 000 000 € au plus).";

export const setSalesTargetSchema = z.object({
  userId: z.string().min(1, "Choisissez un commercial.").max(40),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Choisissez un mois."),
  amount: z
    .string()
    .transform((value, ctx) => {
      const cents = parseEurosToCents(value);
      if (cents === null || cents > BigInt(MAX_TARGET_CENTS)) {
        ctx.addIssue({ code: "custom", message: TARGET_AMOUNT_MESSAGE });
        return z.NEVER;
      }
      return Number(cents);
    }),
});
export type SetSalesTargetInput = z.input<typeof setSalesTargetSchema>;
export type SetSalesTargetValues = z.output<typeof setSalesTargetSchema>;
