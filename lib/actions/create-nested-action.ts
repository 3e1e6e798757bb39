import "server-only";
import { findUsableActionType, resolveAssignee } from "@/lib/actions/access";
import type { CreateNestedActionValues } from "@/lib/actions/schemas";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { parisLocalToUtc } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { findManageableOpportunity } from "@/lib/opportunities/access";
import type { Db } from "@/lib/prisma-client";

// « Ajouter une action » inside an opportunity: a new step of its sales flow, any active type
// including « Faire une offre » (whose « Devis » tab the UI opens next).
export async function createNestedAction(
  db: Db,
  actor: Actor,
  input: CreateNestedActionValues,
): Promise<{ id: string; prospectId: string; opportunityId: string; isOffer: boolean }> {
  const dueAt = parisLocalToUtc(input.scheduledAt);
  if (!dueAt) throw new AppError("VALIDATION", "Date ou heure invalide.", { scheduledAt: ["Date ou heure invalide."] });

  return db.$transaction(async (tx) => {
    const opportunity = await findManageableOpportunity(tx, actor, input.opportunityId);
    const type = await findUsableActionType(tx, actor, input.typeId, { nested: true });
    const assignee = await resolveAssignee(tx, actor, input.assigneeId);
    const notes = input.notes ? input.notes : null;
    const action = await tx.action.create({
      data: {
        prospectId: opportunity.prospectId,
        opportunityId: opportunity.id,
        typeId: type.id,
        subject: input.subject,
        notes,
        dueAt,
        startAt: type.isAppointment ? dueAt : null,
        assigneeId: assignee.id,
        createdById: actor.id,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      entityType: "Action",
      entityId: action.id,
      prospectId: opportunity.prospectId,
      actorId: actor.id,
      action: "CREATE",
      changes: {
        type: type.name,
        subject: input.subject,
        dueAt: dueAt.toISOString(),
        assigneeId: assignee.id,
        opportunity: opportunity.title,
        ...(notes ? { notes } : {}),
      },
    });
    return { id: action.id, prospectId: opportunity.prospectId, opportunityId: opportunity.id, isOffer: type.category === "OFFER" };
  });
}
