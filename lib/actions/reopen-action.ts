import "server-only";
import { lockManageableAction } from "@/lib/actions/access";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/prisma-client";

// Unticking « Fait »: the action is to do again. Its outcome stays (it is still what was said)
// and so does its follow-up, if any. Already open: nothing to do, nothing recorded.
export async function reopenAction(db: Db, actor: Actor, input: { actionId: string }): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const action = await lockManageableAction(tx, actor, input.actionId);
    if (!action.done) return { id: action.id };
    await tx.action.update({ where: { id: action.id }, data: { done: false, doneAt: null } });
    await recordAudit(tx, {
      entityType: "Action",
      entityId: action.id,
      prospectId: action.prospectId,
      actorId: actor.id,
      action: "UPDATE",
      changes: {
        done: { from: true, to: false },
        doneAt: { from: action.doneAt ? action.doneAt.toISOString() : null, to: null },
      },
    });
    return { id: action.id };
  });
}
