import "server-only";
import { recordAudit, snapshotForAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { prospectScope } from "@/lib/auth/scope";
import { AppError } from "@/lib/errors";
import { resolveOwner, resolveStage } from "@/lib/opportunities/access";
import { dayToDate, type CreateOpportunityValues } from "@/lib/opportunities/schemas";
import type { Db } from "@/lib/prisma-client";

const PROSPECT_NOT_FOUND = "Ce prospect n'existe pas ou n'est pas dans votre portefeuille.";

// « Nouvelle opportunité » on a prospect's file. Created in a won or lost column, it is closed
// at once (the status always agrees with the column's kind).
export async function createOpportunity(db: Db, actor: Actor, input: CreateOpportunityValues): Promise<{ id: string; prospectId: string }> {
  if (!can(actor.role, "opportunity:manage")) throw new AppError("NOT_FOUND", PROSPECT_NOT_FOUND);
  return db.$transaction(async (tx) => {
    const prospect = await tx.prospect.findFirst({
      where: { AND: [{ id: input.prospectId }, prospectScope(actor)] },
      select: { id: true },
    });
    if (!prospect) throw new AppError("NOT_FOUND", PROSPECT_NOT_FOUND);
    const stage = await resolveStage(tx, input.stageId);
    const owner = await resolveOwner(tx, actor, input.ownerId);
    const status = stage.kind === "IN_PROGRESS" ? "OPEN" : stage.kind;
    const data = {
      prospectId: prospect.id,
      title: input.title,
      amountCents: input.amount,
      stageId: stage.id,
      status,
      expectedCloseDate: dayToDate(input.expectedCloseDate),
      closedAt: status === "OPEN" ? null : new Date(),
      ownerId: owner.id,
    } as const;
    const opportunity = await tx.opportunity.create({ data, select: { id: true } });
    await recordAudit(tx, {
      entityType: "Opportunity",
      entityId: opportunity.id,
      prospectId: prospect.id,
      actorId: actor.id,
      action: "CREATE",
      changes: {
        ...snapshotForAudit(data, ["title", "amountCents", "expectedCloseDate", "ownerId", "status", "closedAt"]),
        pipelineStage: stage.label,
      },
    });
    return { id: opportunity.id, prospectId: prospect.id };
  });
}
