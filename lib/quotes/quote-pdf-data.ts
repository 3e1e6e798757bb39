import "server-only";
import { getEnv } from "@/lib/env";
import { formatCountry } from "@/lib/format";
import { CIVILITY_LABELS } from "@/lib/prospects/labels";
import type { DbClient } from "@/lib/prisma-client";
import type { QuotePdfInput } from "@/lib/quotes/render-quote-pdf";
import { computeQuoteTotals } from "@/lib/quotes/totals";

export function quoteIssuerFromEnv(): QuotePdfInput["issuer"] {
  const env = getEnv();
  return {
    name: env.QUOTE_ISSUER_NAME,
    addressLines: (env.QUOTE_ISSUER_ADDRESS ?? "")
      .split("|")
      .map((l) => l.trim())
      .filter(Boolean),
    siren: env.QUOTE_ISSUER_SIREN ?? null,
    email: env.QUOTE_ISSUER_EMAIL ?? env.SALES_INBOX_EMAIL,
    phone: env.QUOTE_ISSUER_PHONE ?? null,
  };
}

export function quotePaymentTermsFromEnv(): string {
  return getEnv().QUOTE_PAYMENT_TERMS;
}

export type ContactForPdf = { civility: keyof typeof CIVILITY_LABELS | null; firstName: string; lastName: string } | null;

export function contactDisplayName(contact: ContactForPdf): string | null {
  if (!contact) return null;
  return [contact.civility ? CIVILITY_LABELS[contact.civility] : null, contact.firstName, contact.lastName]
    .filter(Boolean)
    .join(" ");
}

// Everything the printed quote shows, read from the database (inside the caller's transaction
// when validating, so the PDF matches exactly what is committed).
export async function loadQuotePdfInput(
  tx: DbClient,
  quoteId: string,
  options: { number: string | null; issuedAt: Date },
): Promise<QuotePdfInput> {
  const quote = await tx.quote.findUniqueOrThrow({
    where: { id: quoteId },
    select: {
      validUntil: true,
      lines: {
        orderBy: { position: "asc" },
        select: { description: true, quantityMilli: true, unitPriceCents: true, vatRateBps: true, totalHtCents: true },
      },
      prospect: {
        select: {
          name: true,
          street: true,
          postalCode: true,
          city: true,
          country: true,
          contacts: {
            where: { isFavorite: true },
            take: 1,
            select: { civility: true, firstName: true, lastName: true },
          },
        },
      },
    },
  });
  const p = quote.prospect;
  const cityLine = [p.postalCode, p.city].filter(Boolean).join(" ");
  const addressLines = [p.street, cityLine, p.country && p.country !== "FR" ? formatCountry(p.country) : null].filter(
    (l): l is string => Boolean(l && l.trim()),
  );
  const totals = computeQuoteTotals(quote.lines);
  return {
    issuer: quoteIssuerFromEnv(),
    number: options.number,
    issuedAt: options.issuedAt,
    validUntil: quote.validUntil,
    client: { name: p.name, addressLines, contactName: contactDisplayName(p.contacts[0] ?? null) },
    // Stored line totals are what was saved and shown; they equal the recomputation.
    lines: quote.lines,
    totals,
    paymentTerms: quotePaymentTermsFromEnv(),
  };
}
