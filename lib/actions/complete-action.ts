import "server-only";
import { findUsableActionType, lockManageableAction, resolveAssignee } from "@/lib/actions/access";
import type { CompleteActionValues } from "@/lib/actions/schemas";
import { diffForAudit, recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { parisLocalToUtc } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/prisma-client";

export const ALREADY_FOLLOWED = "Cette action a déjà une suite.";

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

// « Fait »: the action is done (its first done time is kept), its outcome recorded, and the
// next action of the chain optionally created in the same transaction: same prospect, same
// opportunity, following this one. The database allows one follow-up per action; the row lock
// makes a concurrent second « Fait » see the first one's follow-up and get a clear message.
export async function completeAction(
  db: Db,
  actor: Actor,
  input: CompleteActionValues,
): Promise<{ id: string; nextActionId: string | null }> {
  const nextDueAt = input.next ? parisLocalToUtc(input.next.scheduledAt) : null;
  if (input.next && !nextDueAt) {
    throw new AppError("VALIDATION", "Date ou heure invalide.", { "next.scheduledAt": ["Date ou heure invalide."] });
  }
  try {
    return await db.$transaction(async (tx) => {
      const action = await lockManageableAction(tx, actor, input.actionId);
      const outcome = input.outcome === undefined ? action.outcome : input.outcome || null;
      const doneAt = action.doneAt ?? new Date();
      const changes = diffForAudit(action, { done: true, doneAt, outcome }, ["done", "doneAt", "outcome"]);
      if (changes) {
        await tx.action.update({ where: { id: action.id }, data: { done: true, doneAt, outcome } });
        await recordAudit(tx, {
          entityType: "Action",
          entityId: action.id,
          prospectId: action.prospectId,
          actorId: actor.id,
          action: "UPDATE",
          changes,
        });
      }
      if (!input.next || !nextDueAt) return { id: action.id, nextActionId: null };

      if (action.nextAction) {
        throw new AppError("CONFLICT", ALREADY_FOLLOWED, { "next.subject": [ALREADY_FOLLOWED] });
      }
      const next = input.next;
      const type = await findUsableActionType(tx, actor, next.typeId, { nested: action.opportunityId !== null, field: "next.typeId" });
      const assignee = await resolveAssignee(tx, actor, next.assigneeId, { keep: action.assigneeId, field: "next.assigneeId" });
      const notes = next.notes ? next.notes : null;
      const created = await tx.action.create({
        data: {
          prospectId: action.prospectId,
          opportunityId: action.opportunityId,
          previousActionId: action.id,
          typeId: type.id,
          subject: next.subject,
          notes,
          dueAt: nextDueAt,
          // Appointments are placed on the calendar by their start time.
          startAt: type.isAppointment ? nextDueAt : null,
          assigneeId: assignee.id,
          createdById: actor.id,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        entityType: "Action",
        entityId: created.id,
        prospectId: action.prospectId,
        actorId: actor.id,
        action: "CREATE",
        changes: {
          type: type.name,
          subject: next.subject,
          dueAt: nextDueAt.toISOString(),
          assigneeId: assignee.id,
          previousAction: action.subject,
          ...(notes ? { notes } : {}),
        },
      });
      return { id: action.id, nextActionId: created.id };
    });
  } catch (error) {
    // The unique index on previousActionId is the last word if two follow-ups race past the lock.
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", ALREADY_FOLLOWED, { "next.subject": [ALREADY_FOLLOWED] });
    throw error;
  }
}
