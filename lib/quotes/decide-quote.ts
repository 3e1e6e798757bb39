import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { prospectScope } from "@/lib/auth/scope";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/prisma-client";
import { lockQuote } from "@/lib/quotes/lock-quote";
import { assertCanManageQuotes, QUOTE_NOT_FOUND } from "@/lib/quotes/policy";

export type QuoteDecision = "ACCEPTED" | "DECLINED";

const NOT_SENT: Record<string, string> = {
  DRAFT: "Ce devis n'a pas encore été envoyé : validez l'offre avant de noter la réponse du client.",
  ACCEPTED: "Ce devis est déjà marqué comme accepté.",
  DECLINED: "Ce devis est déjà marqué comme refusé.",
};

// « Marquer comme accepté » / « Marquer comme refusé », only for a sent quote. Acceptance wins
// the opportunity (status WON, closed now, moved to the first active « won » pipeline column);
// a refusal leaves the opportunity to the sales rep, who may send another offer.
export async function decideQuote(
  db: Db,
  actor: Actor,
  input: { quoteId: string; decision: QuoteDecision },
  now: Date = new Date(),
): Promise<{ quoteId: string; opportunityId: string; status: QuoteDecision }> {
  assertCanManageQuotes(actor);
  return db.$transaction(async (tx) => {
    const visible = await tx.quote.findFirst({
      where: { id: input.quoteId, prospect: prospectScope(actor) },
      select: { id: true },
    });
    if (!visible || !(await lockQuote(tx, visible.id))) throw new AppError("NOT_FOUND", QUOTE_NOT_FOUND);
    const quote = await tx.quote.findUniqueOrThrow({
      where: { id: visible.id },
      select: {
        id: true,
        status: true,
        prospectId: true,
        opportunityId: true,
        opportunity: { select: { status: true, closedAt: true, stage: { select: { id: true, label: true } } } },
      },
    });
    if (quote.status !== "SENT") throw new AppError("CONFLICT", NOT_SENT[quote.status]);

    const accepted = input.decision === "ACCEPTED";
    await tx.quote.update({
      where: { id: quote.id },
      data: accepted ? { status: "ACCEPTED", acceptedAt: now, version: { increment: 1 } } : { status: "DECLINED", declinedAt: now, version: { increment: 1 } },
    });
    await recordAudit(tx, {
      entityType: "Quote",
      entityId: quote.id,
      prospectId: quote.prospectId,
      actorId: actor.id,
      action: "UPDATE",
      changes: {
        status: { from: "SENT", to: input.decision },
        [accepted ? "acceptedAt" : "declinedAt"]: { from: null, to: now.toISOString() },
      },
    });

    if (accepted && quote.opportunity.status !== "WON") {
      const wonStage = await tx.pipelineStage.findFirst({
        where: { kind: "WON", active: true },
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: { id: true, label: true },
      });
      if (!wonStage) {
        throw new AppError(
          "VALIDATION",
          "Aucune colonne « gagnée » n'est active dans le pipeline : un administrateur doit en créer une avant de marquer un devis comme accepté.",
        );
      }
      await tx.opportunity.update({
        where: { id: quote.opportunityId },
        data: { status: "WON", closedAt: now, stageId: wonStage.id, version: { increment: 1 } },
      });
      await recordAudit(tx, {
        entityType: "Opportunity",
        entityId: quote.opportunityId,
        prospectId: quote.prospectId,
        actorId: actor.id,
        action: "UPDATE",
        changes: {
          status: { from: quote.opportunity.status, to: "WON" },
          ...(quote.opportunity.stage.id !== wonStage.id
            ? { stage: { from: quote.opportunity.stage.label, to: wonStage.label } }
            : {}),
          closedAt: { from: quote.opportunity.closedAt?.toISOString() ?? null, to: now.toISOString() },
        },
      });
    }
    return { quoteId: quote.id, opportunityId: quote.opportunityId, status: input.decision };
  });
}
