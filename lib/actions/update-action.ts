import "server-only";
import { findUsableActionType, lockManageableAction, resolveAssignee } from "@/lib/actions/access";
import type { UpdateActionValues } from "@/lib/actions/schemas";
import { diffForAudit, recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { parisLocalToUtc } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/prisma-client";

// « Modifier l'action »: type, subject, date (Paris), person in charge, note. An offer keeps its
// type while it carries a quote: the quote belongs to an « Faire une offre » action.
export async function updateAction(db: Db, actor: Actor, input: UpdateActionValues): Promise<{ id: string }> {
  const dueAt = parisLocalToUtc(input.scheduledAt);
  if (!dueAt) throw new AppError("VALIDATION", "Date ou heure invalide.", { scheduledAt: ["Date ou heure invalide."] });

  return db.$transaction(async (tx) => {
    const action = await lockManageableAction(tx, actor, input.actionId);
    const type =
      input.typeId === action.typeId
        ? { id: action.typeId, name: action.type.name, isAppointment: action.type.isAppointment }
        : await findUsableActionType(tx, actor, input.typeId, { nested: action.opportunityId !== null });
    if (action.quote && type.id !== action.typeId) {
      throw new AppError("VALIDATION", "Cette action porte un devis : son type ne peut pas changer.", {
        typeId: ["Une offre avec un devis reste une offre."],
      });
    }
    const assignee =
      input.assigneeId === action.assigneeId ? { id: action.assigneeId } : await resolveAssignee(tx, actor, input.assigneeId);
    const notes = input.notes ? input.notes : null;
    const after = { typeId: type.id, subject: input.subject, notes, dueAt, assigneeId: assignee.id };
    const changes = diffForAudit(action, after, ["subject", "notes", "dueAt", "assigneeId"]);
    const typeChanged = type.id !== action.typeId;
    if (!changes && !typeChanged) return { id: action.id };

    await tx.action.update({
      where: { id: action.id },
      data: { ...after, startAt: type.isAppointment ? dueAt : null },
    });
    await recordAudit(tx, {
      entityType: "Action",
      entityId: action.id,
      prospectId: action.prospectId,
      actorId: actor.id,
      action: "UPDATE",
      changes: { ...(typeChanged ? { type: { from: action.type.name, to: type.name } } : {}), ...(changes ?? {}) },
    });
    return { id: action.id };
  });
}
