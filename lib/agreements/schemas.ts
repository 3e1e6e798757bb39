// « Convention partenaire »: the form of one agreement version (the first one when an organisation
// is created, a new one each time the agreement changes). Shared by the forms and the server.
import { z } from "zod";
import "@/lib/zod-fr";
import { isCalendarDay } from "@/lib/dates";
import { multilineText } from "@/lib/validation/text";

// « 1,25 » (or « 1.25 », « 1,25 % ») → 125 basis points; at most two decimals, 0 to 100 %.
export function percentToBps(value: string): number | null {
  const text = value.replace(/\s|%/g, "").replace(",", ".");
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(text)) return null;
  const [units = "0", decimals = ""] = text.split(".");
  const bps = Number(units) * 100 + Number(decimals.padEnd(2, "0"));
  return bps <= 10_000 ? bps : null;
}

export function bpsToPercentText(bps: number): string {
  return `${Math.trunc(bps / 100)},${String(bps % 100).padStart(2, "0")}`;
}

const RATE_MESSAGE = "Saisissez un taux en pourcentage, avec au plus deux décimales (par exemple 1,25).";

const rate = (required: boolean) =>
  z.string().transform((value, ctx) => {
    if (value.trim() === "") {
      if (!required) return 0;
      ctx.addIssue({ code: "custom", message: "Le taux de commission est obligatoire." });
      return z.NEVER;
    }
    const bps = percentToBps(value);
    if (bps === null) {
      ctx.addIssue({ code: "custom", message: RATE_MESSAGE });
      return z.NEVER;
    }
    return bps;
  });

export const agreementVersionFields = {
  directRate: rate(true),
  networkRate: rate(false),
  startsOn: z.string().trim().refine(isCalendarDay, "Choisissez la date de début de la convention."),
  entitlementMonths: z.string().transform((value, ctx) => {
    const text = value.trim();
    if (text === "") return null;
    if (!/^\d{1,3}$/.test(text) || Number(text) < 1 || Number(text) > 600) {
      ctx.addIssue({ code: "custom", message: "Saisissez un nombre de mois entre 1 et 600, ou laissez vide (sans limite)." });
      return z.NEVER;
    }
    return Number(text);
  }),
  notes: multilineText()
    .trim()
    .max(2000, "2 000 caractères au plus.")
    .transform((v) => (v === "" ? null : v)),
};

export const agreementVersionSchema = z.object(agreementVersionFields);

export const createAgreementVersionSchema = z.object({ partnerId: z.string().min(1).max(40), ...agreementVersionFields });

export type AgreementVersionInput = z.input<typeof agreementVersionSchema>;
export type AgreementVersionValues = z.output<typeof agreementVersionSchema>;
export type CreateAgreementVersionInput = z.input<typeof createAgreementVersionSchema>;
export type CreateAgreementVersionValues = z.output<typeof createAgreementVersionSchema>;
