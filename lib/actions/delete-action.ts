import "server-only";
import { lockManageableAction } from "@/lib/actions/access";
import { recordAudit, snapshotForAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/prisma-client";

export const SENT_OFFER_CANNOT_BE_DELETED = "Cette offre a été envoyée au client : elle ne peut pas être supprimée.";

// Deleting an action. Policy for a chain (issue 4 §2): RELINK. Deleting B in A → B → C leaves
// A → C, in one transaction: B is deleted (which frees A's single follow-up slot), then C is set
// to follow A. The head or the tail of a chain simply goes; its neighbour becomes the new end.
// Refused: an offer whose quote has left the draft stage (it was sent to the client and its
// number is spoken for). A draft quote goes with its offer action.
export async function deleteAction(
  db: Db,
  actor: Actor,
  input: { actionId: string },
): Promise<{ id: string; prospectId: string; opportunityId: string | null; relinkedId: string | null }> {
  return db.$transaction(async (tx) => {
    const action = await lockManageableAction(tx, actor, input.actionId);
    if (action.quote && action.quote.status !== "DRAFT") throw new AppError("CONFLICT", SENT_OFFER_CANNOT_BE_DELETED);

    // Lock the follower too: a concurrent change to it must not interleave with the relink.
    const next = action.nextAction;
    if (next) await tx.$queryRaw`SELECT id FROM "Action" WHERE id = ${next.id} FOR UPDATE`;

    if (action.quote) {
      await tx.quote.delete({ where: { id: action.quote.id } });
      await recordAudit(tx, {
        entityType: "Quote",
        entityId: action.quote.id,
        prospectId: action.prospectId,
        actorId: actor.id,
        action: "DELETE",
        changes: { status: action.quote.status, action: action.subject },
      });
    }

    await tx.action.delete({ where: { id: action.id } });
    await recordAudit(tx, {
      entityType: "Action",
      entityId: action.id,
      prospectId: action.prospectId,
      actorId: actor.id,
      action: "DELETE",
      changes: {
        type: action.type.name,
        ...snapshotForAudit(action, ["subject", "notes", "dueAt", "done", "outcome", "assigneeId"]),
      },
    });

    let relinkedId: string | null = null;
    if (next && action.previousActionId) {
      await tx.action.update({ where: { id: next.id }, data: { previousActionId: action.previousActionId } });
      relinkedId = next.id;
    }
    if (next) {
      await recordAudit(tx, {
        entityType: "Action",
        entityId: next.id,
        prospectId: action.prospectId,
        actorId: actor.id,
        action: "UPDATE",
        changes: { previousAction: { from: action.subject, to: action.previousAction?.subject ?? null } },
      });
    }
    return { id: action.id, prospectId: action.prospectId, opportunityId: action.opportunityId, relinkedId };
  });
}
