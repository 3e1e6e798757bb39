import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { prospectScope } from "@/lib/auth/scope";
import { db as defaultDb } from "@/lib/db";
import type { DbClient } from "@/lib/prisma-client";

const quoteRowSelect = {
  id: true,
  number: true,
  status: true,
  totalHtCents: true,
  totalTtcCents: true,
  validUntil: true,
  sentAt: true,
  actionId: true,
  pdfStorageKey: true,
  createdAt: true,
} satisfies Prisma.QuoteSelect;

export type QuoteRow = Prisma.QuoteGetPayload<{ select: typeof quoteRowSelect }>;

// Quotes are internal: partners (no prospect:internal:read) see none, whatever the scope says.
export function quoteScope(actor: Actor): Prisma.QuoteWhereInput {
  if (!can(actor.role, "prospect:internal:read")) return { id: { in: [] } };
  return { prospect: prospectScope(actor) };
}

export async function listOpportunityQuotes(
  actor: Actor,
  opportunityId: string,
  db: DbClient = defaultDb,
): Promise<QuoteRow[]> {
  return db.quote.findMany({
    where: { AND: [{ opportunityId }, quoteScope(actor)] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: quoteRowSelect,
  });
}

export type QuotePanelData = {
  action: { id: string; subject: string; done: boolean; opportunityId: string | null };
  prospect: { id: string; name: string; street: string | null; postalCode: string | null; city: string | null };
  contact: { name: string; email: string | null } | null;
  quote: {
    id: string;
    number: string | null;
    status: QuoteRow["status"];
    version: number;
    validUntil: string;
    sentAt: Date | null;
    acceptedAt: Date | null;
    declinedAt: Date | null;
    hasPdf: boolean;
    totalHtCents: number;
    totalVatCents: number;
    totalTtcCents: number;
    lines: { description: string; quantityMilli: number; unitPriceCents: number; vatRateBps: number; totalHtCents: number }[];
  } | null;
  canManage: boolean;
};

// The « Devis » tab of an offer action: null when the action is not an offer in the actor's
// scope, or the actor may not see quotes (partners).
export async function getQuotePanelData(
  actor: Actor,
  actionId: string,
  db: DbClient = defaultDb,
): Promise<QuotePanelData | null> {
  if (!can(actor.role, "prospect:internal:read")) return null;
  const action = await db.action.findFirst({
    where: { id: actionId, prospect: prospectScope(actor), type: { category: "OFFER" } },
    select: {
      id: true,
      subject: true,
      done: true,
      opportunityId: true,
      prospect: {
        select: {
          id: true,
          name: true,
          street: true,
          postalCode: true,
          city: true,
          contacts: { where: { isFavorite: true }, take: 1, select: { firstName: true, lastName: true, email: true } },
        },
      },
      quote: {
        select: {
          id: true,
          number: true,
          status: true,
          version: true,
          validUntil: true,
          sentAt: true,
          acceptedAt: true,
          declinedAt: true,
          pdfStorageKey: true,
          totalHtCents: true,
          totalVatCents: true,
          totalTtcCents: true,
          lines: {
            orderBy: { position: "asc" },
            select: { description: true, quantityMilli: true, unitPriceCents: true, vatRateBps: true, totalHtCents: true },
          },
        },
      },
    },
  });
  if (!action) return null;
  const { contacts, ...prospect } = action.prospect;
  const favourite = contacts[0];
  let quote: QuotePanelData["quote"] = null;
  if (action.quote) {
    const { pdfStorageKey, validUntil, ...rest } = action.quote;
    quote = { ...rest, validUntil: validUntil.toISOString().slice(0, 10), hasPdf: Boolean(pdfStorageKey) };
  }
  return {
    action: { id: action.id, subject: action.subject, done: action.done, opportunityId: action.opportunityId },
    prospect,
    contact: favourite ? { name: `${favourite.firstName} ${favourite.lastName}`.trim(), email: favourite.email } : null,
    quote,
    canManage: can(actor.role, "quote:manage"),
  };
}

// The quote behind GET /api/quotes/[id]/pdf, if the actor may read it.
export async function findQuoteForDownload(actor: Actor, quoteId: string, db: DbClient = defaultDb) {
  return db.quote.findFirst({
    where: { AND: [{ id: quoteId }, quoteScope(actor)] },
    select: { id: true, number: true, status: true, pdfStorageKey: true },
  });
}
