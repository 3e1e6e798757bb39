import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { viaProspect } from "@/lib/auth/scope";
import { recordAudit, toAuditValue, type AuditFieldChange } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import type { OpportunityStatus, PipelineStageKind } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/prisma-client";
import { lockColumnsForUse } from "@/lib/pipeline/lock";
import type { moveOpportunityStageSchema } from "@/lib/pipeline/schemas";

export const COLUMN_GONE_MESSAGE = "Cette colonne n'existe plus : actualisez le tableau.";

const STATUS_OF_KIND: Record<PipelineStageKind, OpportunityStatus> = {
  IN_PROGRESS: "OPEN",
  WON: "WON",
  LOST: "LOST",
};

// A card dropped in a column takes that column's status: « Conclue » wins it, « Perdue » loses
// it (closed now, or when it was first closed if it stays closed the same way), an in-progress
// column reopens it.
export function statusForColumn(
  current: { status: OpportunityStatus; closedAt: Date | null },
  kind: PipelineStageKind,
  now: Date,
): { status: OpportunityStatus; closedAt: Date | null } {
  const status = STATUS_OF_KIND[kind];
  if (status === "OPEN") return { status, closedAt: null };
  return { status, closedAt: current.status === status && current.closedAt ? current.closedAt : now };
}

export type MoveOpportunityResult = { opportunityId: string; stageId: string; status: OpportunityStatus; changed: boolean };

// Moves one opportunity of the actor's scope to an active column, with its audit row in the same
// transaction. Outside the scope, or unknown: not found.
export async function moveOpportunityStage(
  db: Db,
  actor: Actor,
  input: z.output<typeof moveOpportunityStageSchema>,
  now: Date = new Date(),
): Promise<MoveOpportunityResult> {
  return db.$transaction(async (tx) => {
    await lockColumnsForUse(tx);
    const opportunity = await tx.opportunity.findFirst({
      where: { id: input.opportunityId, ...viaProspect(actor) },
      select: { id: true, prospectId: true, status: true, closedAt: true, stageId: true, stage: { select: { label: true } } },
    });
    if (!opportunity) throw new AppError("NOT_FOUND");
    const target = await tx.pipelineStage.findFirst({
      where: { id: input.stageId, active: true },
      select: { id: true, label: true, kind: true },
    });
    if (!target) throw new AppError("VALIDATION", COLUMN_GONE_MESSAGE);
    if (target.id === opportunity.stageId) {
      return { opportunityId: opportunity.id, stageId: target.id, status: opportunity.status, changed: false };
    }

    const next = statusForColumn(opportunity, target.kind, now);
    await tx.opportunity.update({
      where: { id: opportunity.id },
      data: { stageId: target.id, status: next.status, closedAt: next.closedAt, version: { increment: 1 } },
      select: { id: true },
    });
    const changes: Record<string, AuditFieldChange> = { stage: { from: opportunity.stage.label, to: target.label } };
    if (next.status !== opportunity.status) changes.status = { from: opportunity.status, to: next.status };
    const closedFrom = toAuditValue(opportunity.closedAt);
    const closedTo = toAuditValue(next.closedAt);
    if (closedFrom !== closedTo) changes.closedAt = { from: closedFrom, to: closedTo };
    await recordAudit(tx, {
      entityType: "Opportunity",
      entityId: opportunity.id,
      prospectId: opportunity.prospectId,
      actorId: actor.id,
      action: "UPDATE",
      changes,
    });
    return { opportunityId: opportunity.id, stageId: target.id, status: next.status, changed: true };
  });
}
