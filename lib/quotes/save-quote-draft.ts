import "server-only";
import { diffForAudit, recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { prospectScope } from "@/lib/auth/scope";
import { AppError } from "@/lib/errors";
import { formatEuros } from "@/lib/format";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/prisma-client";
import { lockQuote } from "@/lib/quotes/lock-quote";
import { assertCanManageQuotes, OFFER_NOT_FOUND, QUOTE_CONFLICT, QUOTE_NOT_EDITABLE } from "@/lib/quotes/policy";
import { toLineAmounts, type SaveQuoteDraftValues } from "@/lib/quotes/schemas";
import { computeQuoteTotals, formatQuantity, formatVatRate, MAX_INT, totalsFitStorage } from "@/lib/quotes/totals";

type LineData = { description: string; quantityMilli: number; unitPriceCents: number; vatRateBps: number; totalHtCents: number };

// One readable line per quote line for the « Historique »: what changed is visible at a glance.
export function summarizeLines(lines: readonly LineData[]): string {
  const text = lines
    .map((l) => `${l.description} : ${formatQuantity(l.quantityMilli)} × ${formatEuros(l.unitPriceCents)} HT (TVA ${formatVatRate(l.vatRateBps)})`)
    .join(" ; ");
  return text.length > 1000 ? `${text.slice(0, 999)}…` : text;
}

export function calendarDayToDate(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

const TOO_LARGE = `Le montant du devis dépasse la limite autorisée (${formatEuros(MAX_INT)} TTC).`;

// « Enregistrer le brouillon »: creates the quote of an offer action on its first save, then
// replaces its lines and totals. Only a DRAFT is editable, and only from the version it was
// read at (optimistic lock), so two people editing the same quote never overwrite each other.
export async function saveQuoteDraft(
  db: Db,
  actor: Actor,
  input: SaveQuoteDraftValues,
): Promise<{ quoteId: string; version: number }> {
  assertCanManageQuotes(actor);
  const lines: LineData[] = input.lines.map((line) => {
    const amounts = toLineAmounts(line);
    return { description: line.description, ...amounts, totalHtCents: 0 };
  });
  const totals = computeQuoteTotals(lines);
  if (!totalsFitStorage(totals)) throw new AppError("VALIDATION", TOO_LARGE, { lines: [TOO_LARGE] });
  lines.forEach((line, i) => (line.totalHtCents = totals.lineTotalsHtCents[i]!));
  const validUntil = calendarDayToDate(input.validUntil);
  const quoteData = {
    validUntil,
    totalHtCents: totals.totalHtCents,
    totalVatCents: totals.totalVatCents,
    totalTtcCents: totals.totalTtcCents,
  };

  try {
    return await db.$transaction(async (tx) => {
      const action = await tx.action.findFirst({
        where: { id: input.actionId, prospect: prospectScope(actor) },
        select: { id: true, prospectId: true, opportunityId: true, type: { select: { category: true } }, quote: { select: { id: true } } },
      });
      if (!action || action.type.category !== "OFFER") throw new AppError("NOT_FOUND", OFFER_NOT_FOUND);
      if (!action.opportunityId) {
        throw new AppError("VALIDATION", "Une offre doit faire partie d'une opportunité pour recevoir un devis.");
      }

      if (!action.quote) {
        const quote = await tx.quote.create({
          data: {
            ...quoteData,
            opportunityId: action.opportunityId,
            prospectId: action.prospectId,
            actionId: action.id,
            createdById: actor.id,
            lines: { create: lines.map((line, position) => ({ ...line, position })) },
          },
          select: { id: true, version: true },
        });
        await recordAudit(tx, {
          entityType: "Quote",
          entityId: quote.id,
          prospectId: action.prospectId,
          actorId: actor.id,
          action: "CREATE",
          changes: {
            status: "DRAFT",
            validUntil: input.validUntil,
            totalHtCents: totals.totalHtCents,
            totalTtcCents: totals.totalTtcCents,
            lines: summarizeLines(lines),
          },
        });
        return { quoteId: quote.id, version: quote.version };
      }

      const quoteId = action.quote.id;
      await lockQuote(tx, quoteId);
      const before = await tx.quote.findUniqueOrThrow({
        where: { id: quoteId },
        select: {
          status: true,
          version: true,
          validUntil: true,
          totalHtCents: true,
          totalVatCents: true,
          totalTtcCents: true,
          lines: {
            orderBy: { position: "asc" },
            select: { description: true, quantityMilli: true, unitPriceCents: true, vatRateBps: true, totalHtCents: true },
          },
        },
      });
      if (before.status !== "DRAFT") throw new AppError("CONFLICT", QUOTE_NOT_EDITABLE);
      if (input.version === undefined || input.version !== before.version) throw new AppError("CONFLICT", QUOTE_CONFLICT);

      await tx.quoteLine.deleteMany({ where: { quoteId } });
      await tx.quoteLine.createMany({ data: lines.map((line, position) => ({ ...line, position, quoteId })) });
      const after = await tx.quote.update({
        where: { id: quoteId },
        data: { ...quoteData, version: { increment: 1 } },
        select: { version: true },
      });

      const changes = {
        ...diffForAudit(
          { ...before, validUntil: before.validUntil.toISOString().slice(0, 10) },
          { ...quoteData, validUntil: input.validUntil },
          ["validUntil", "totalHtCents", "totalVatCents", "totalTtcCents"],
        ),
      };
      const linesBefore = summarizeLines(before.lines);
      const linesAfter = summarizeLines(lines);
      if (linesBefore !== linesAfter) Object.assign(changes, { lines: { from: linesBefore, to: linesAfter } });
      if (Object.keys(changes).length > 0) {
        await recordAudit(tx, {
          entityType: "Quote",
          entityId: quoteId,
          prospectId: action.prospectId,
          actorId: actor.id,
          action: "UPDATE",
          changes,
        });
      }
      return { quoteId, version: after.version };
    });
  } catch (error) {
    // Two first saves of the same offer at once: the second hits Quote.actionId's unique index.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", QUOTE_CONFLICT);
    }
    throw error;
  }
}
