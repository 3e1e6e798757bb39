import "server-only";
import { diffForAudit, recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import type { OpportunityStatus } from "@/lib/generated/prisma/enums";
import { opportunityScope, OPPORTUNITY_NOT_FOUND, resolveOwner, resolveStage, stageOfKind } from "@/lib/opportunities/access";
import { dateToDay, dayToDate, OPPORTUNITY_CONFLICT, type UpdateOpportunityValues } from "@/lib/opportunities/schemas";

export { OPPORTUNITY_CONFLICT };
import type { Db } from "@/lib/prisma-client";


type Stage = { id: string; label: string; kind: "IN_PROGRESS" | "WON" | "LOST" };

// Status and pipeline column always agree. A status change moves the deal to a column of that
// kind (won → the won column, lost → the lost one, back « En cours » → the furthest open column)
// unless the chosen column already fits; a column change alone brings the status along.
async function reconcile(
  tx: Parameters<typeof resolveStage>[0],
  current: { status: OpportunityStatus; stageId: string },
  wanted: { status: OpportunityStatus; stage: Stage },
): Promise<{ status: OpportunityStatus; stage: Stage }> {
  const { status, stage } = wanted;
  const kindFor = (s: OpportunityStatus) => (s === "OPEN" ? "IN_PROGRESS" : s);
  if (status !== current.status) {
    if (stage.kind === kindFor(status)) return wanted;
    return { status, stage: (await stageOfKind(tx, kindFor(status))) ?? stage };
  }
  if (stage.id !== current.stageId) return { status: stage.kind === "IN_PROGRESS" ? "OPEN" : stage.kind, stage };
  return wanted;
}

// The opportunity's form, saved against the version it was loaded at: if a colleague saved in
// between, nothing is written and the user gets a clear conflict message.
export async function updateOpportunity(
  db: Db,
  actor: Actor,
  input: UpdateOpportunityValues,
): Promise<{ id: string; version: number; status: OpportunityStatus; stageId: string }> {
  return db.$transaction(async (tx) => {
    const current = await tx.opportunity.findFirst({
      where: { AND: [{ id: input.opportunityId }, opportunityScope(actor)] },
      select: {
        id: true,
        prospectId: true,
        version: true,
        title: true,
        amountCents: true,
        stageId: true,
        status: true,
        expectedCloseDate: true,
        closedAt: true,
        ownerId: true,
        stage: { select: { label: true } },
      },
    });
    if (!current) throw new AppError("NOT_FOUND", OPPORTUNITY_NOT_FOUND);
    if (current.version !== input.version) throw new AppError("CONFLICT", OPPORTUNITY_CONFLICT);

    const chosenStage = await resolveStage(tx, input.stageId, current.stageId);
    const owner = await resolveOwner(tx, actor, input.ownerId, current.ownerId);
    const { status, stage } = await reconcile(tx, current, { status: input.status, stage: chosenStage });
    const closedAt = status === "OPEN" ? null : status === current.status ? current.closedAt : new Date();
    const after = {
      title: input.title,
      amountCents: input.amount,
      stageId: stage.id,
      status,
      expectedCloseDate: dayToDate(input.expectedCloseDate),
      closedAt,
      ownerId: owner.id,
    };
    const changes = diffForAudit(current, after, ["title", "amountCents", "expectedCloseDate", "ownerId", "status", "closedAt"]);
    const stageChanged = stage.id !== current.stageId;
    if (!changes && !stageChanged) return { id: current.id, version: current.version, status: current.status, stageId: current.stageId };

    // The version guard in the WHERE catches a save that slipped in since the read above.
    const { count } = await tx.opportunity.updateMany({
      where: { id: current.id, version: input.version },
      data: { ...after, version: { increment: 1 } },
    });
    if (count !== 1) throw new AppError("CONFLICT", OPPORTUNITY_CONFLICT);
    await recordAudit(tx, {
      entityType: "Opportunity",
      entityId: current.id,
      prospectId: current.prospectId,
      actorId: actor.id,
      action: "UPDATE",
      changes: { ...(changes ?? {}), ...(stageChanged ? { pipelineStage: { from: current.stage.label, to: stage.label } } : {}) },
    });
    return { id: current.id, version: input.version + 1, status, stageId: stage.id };
  });
}

// « Gagnée », « Perdue » or back « En cours » without touching anything else (e.g. an accepted
// quote wins its opportunity).
export async function setOpportunityStatus(
  db: Db,
  actor: Actor,
  input: { opportunityId: string; version: number; status: OpportunityStatus },
): Promise<{ id: string; version: number; status: OpportunityStatus; stageId: string }> {
  const current = await db.opportunity.findFirst({
    where: { AND: [{ id: input.opportunityId }, opportunityScope(actor)] },
    select: { title: true, amountCents: true, stageId: true, expectedCloseDate: true, ownerId: true },
  });
  if (!current) throw new AppError("NOT_FOUND", OPPORTUNITY_NOT_FOUND);
  if (!current.ownerId) {
    throw new AppError("VALIDATION", "Choisissez d'abord le commercial de cette opportunité.", { ownerId: ["Choisissez le commercial."] });
  }
  return updateOpportunity(db, actor, {
    opportunityId: input.opportunityId,
    version: input.version,
    title: current.title,
    amount: current.amountCents,
    stageId: current.stageId,
    expectedCloseDate: dateToDay(current.expectedCloseDate) || null,
    ownerId: current.ownerId,
    status: input.status,
  });
}
