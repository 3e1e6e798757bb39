import "server-only";
import { diffForAudit, recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { prospectScope } from "@/lib/auth/scope";
import { canPickCalendarUsers, canUseCalendar, DEFAULT_APPOINTMENT_MS } from "@/lib/calendar/queries";
import type { MoveAppointmentValues } from "@/lib/calendar/schemas";
import { parisLocalToUtc } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/prisma-client";

export type MovedAppointment = { id: string; startAt: Date; endAt: Date };

const NOT_FOUND_MESSAGE = "Ce rendez-vous n'existe plus ou ne vous est pas accessible.";

// The appointments an actor may move are the ones his calendar can show him: his own, or
// anyone's for a manager; always within his prospect scope.
function movableWhere(actor: Actor, actionId: string): Prisma.ActionWhereInput {
  return {
    AND: [
      { id: actionId },
      { type: { isAppointment: true } },
      { prospect: prospectScope(actor) },
      canPickCalendarUsers(actor) ? {} : { assigneeId: actor.id },
    ],
  };
}

// Drag and drop (or « Déplacer »): a new start, typed or dropped in Paris time, with the same
// duration; a reminder not yet delivered moves with it. Audited as an UPDATE of the action.
export async function moveAppointment(db: Db, actor: Actor, input: MoveAppointmentValues): Promise<MovedAppointment> {
  if (!canUseCalendar(actor)) throw new AppError("NOT_FOUND", NOT_FOUND_MESSAGE);
  const startAt = parisLocalToUtc(input.startAt);
  if (!startAt) throw new AppError("VALIDATION", "Date ou heure invalide.", { startAt: ["Date ou heure invalide."] });

  return db.$transaction(async (tx) => {
    const before = await tx.action.findFirst({
      where: movableWhere(actor, input.actionId),
      select: {
        id: true,
        prospectId: true,
        startAt: true,
        endAt: true,
        dueAt: true,
        reminderAt: true,
        reminderSentAt: true,
        updatedAt: true,
      },
    });
    if (!before) throw new AppError("NOT_FOUND", NOT_FOUND_MESSAGE);
    const oldStart = before.startAt ?? before.dueAt;
    const duration =
      oldStart && before.endAt && before.endAt > oldStart ? before.endAt.getTime() - oldStart.getTime() : DEFAULT_APPOINTMENT_MS;
    const endAt = new Date(startAt.getTime() + duration);
    const shift = oldStart ? startAt.getTime() - oldStart.getTime() : 0;
    const reminderAt =
      before.reminderAt && !before.reminderSentAt ? new Date(before.reminderAt.getTime() + shift) : before.reminderAt;

    const after = { startAt, endAt, dueAt: startAt, reminderAt };
    // Compare-and-set on updatedAt: a concurrent edit makes this one fail instead of being lost.
    const { count } = await tx.action.updateMany({
      where: { id: before.id, updatedAt: before.updatedAt },
      data: after,
    });
    if (count !== 1) throw new AppError("CONFLICT", "Ce rendez-vous vient d'être modifié. Rechargez la page et réessayez.");

    const changes = diffForAudit(before, after, ["startAt", "endAt", "dueAt", "reminderAt"]);
    if (changes) {
      await recordAudit(tx, {
        entityType: "Action",
        entityId: before.id,
        prospectId: before.prospectId,
        actorId: actor.id,
        action: "UPDATE",
        changes,
      });
    }
    return { id: before.id, startAt, endAt };
  });
}
