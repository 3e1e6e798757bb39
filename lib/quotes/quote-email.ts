// The e-mail that carries a sent quote: the offer action type's default text (its templates,
// edited by admins) merged with the quote's values; a sober default when the type has none.
import { formatCalendarDay, formatEuros } from "@/lib/format";
import type { Civility } from "@/lib/generated/prisma/enums";
import { renderMergeEmail, type MergedEmail } from "@/lib/mail/merge";
import { CIVILITY_LABELS } from "@/lib/prospects/labels";

export const QUOTE_MERGE_FIELDS = [
  "civility",
  "lastName",
  "firstName",
  "company",
  "quoteNumber",
  "totalTtc",
  "validUntil",
  "senderName",
] as const;

export const DEFAULT_QUOTE_SUBJECT = "Votre devis {{quoteNumber}}";
export const DEFAULT_QUOTE_BODY =
  "Bonjour {{civility}} {{lastName}},\n\nVeuillez trouver ci-joint notre devis {{quoteNumber}} d'un montant de {{totalTtc}} TTC, valable jusqu'au {{validUntil}}.\n\nNous restons à votre disposition pour toute question.\n\nCordialement,\n{{senderName}}";

export type QuoteEmailInput = {
  templates: { subject: string | null; body: string | null };
  contact: { civility: Civility | null; firstName: string; lastName: string };
  company: string;
  quoteNumber: string;
  totalTtcCents: number;
  validUntil: Date;
  senderName: string;
};

export function quoteMergeValues(input: QuoteEmailInput): Record<(typeof QUOTE_MERGE_FIELDS)[number], string> {
  return {
    civility: input.contact.civility ? CIVILITY_LABELS[input.contact.civility] : "",
    lastName: input.contact.lastName,
    firstName: input.contact.firstName,
    company: input.company,
    quoteNumber: input.quoteNumber,
    // Plain spaces: the amount reads the same in every mail client and in the text version.
    totalTtc: formatEuros(input.totalTtcCents).replace(/[\u00a0\u202f]/g, " "),
    validUntil: formatCalendarDay(input.validUntil),
    senderName: input.senderName,
  };
}

export function renderQuoteEmail(input: QuoteEmailInput): MergedEmail {
  const subjectTemplate = input.templates.subject?.trim() || DEFAULT_QUOTE_SUBJECT;
  const bodyTemplate = input.templates.body?.trim() || DEFAULT_QUOTE_BODY;
  const values = quoteMergeValues(input);
  return renderMergeEmail({
    subjectTemplate,
    bodyTemplate,
    values,
    footer: `Le devis ${input.quoteNumber} est joint à ce message au format PDF.`,
  });
}
