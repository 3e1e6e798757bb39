import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { prospectScope } from "@/lib/auth/scope";
import { canUseCalendar } from "@/lib/calendar/queries";
import type { CreateAppointmentValues } from "@/lib/calendar/schemas";
import { parisLocalToUtc } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/prisma-client";

export type CreatedAppointment = { id: string; prospectId: string; startAt: Date; endAt: Date };

// « Nouveau rendez-vous » from a calendar slot: an action of an appointment type on a prospect
// in the actor's scope, assigned to the actor, typed in Paris and stored in UTC, audited in the
// same transaction.
export async function createAppointment(db: Db, actor: Actor, input: CreateAppointmentValues): Promise<CreatedAppointment> {
  if (!canUseCalendar(actor)) throw new AppError("FORBIDDEN");
  const startAt = parisLocalToUtc(input.startAt);
  if (!startAt) throw new AppError("VALIDATION", "Date ou heure invalide.", { startAt: ["Date ou heure invalide."] });
  const endAt = new Date(startAt.getTime() + input.durationMinutes * 60_000);

  return db.$transaction(async (tx) => {
    const prospect = await tx.prospect.findFirst({
      where: { AND: [{ id: input.prospectId }, prospectScope(actor)] },
      select: { id: true },
    });
    if (!prospect) {
      throw new AppError("NOT_FOUND", "Ce prospect n'existe pas ou n'est pas dans votre portefeuille.", {
        prospectId: ["Choisissez un prospect de la liste."],
      });
    }
    const type = await tx.actionType.findFirst({
      where: { id: input.typeId, active: true, isAppointment: true },
      select: { id: true, name: true },
    });
    if (!type) {
      throw new AppError("VALIDATION", "Ce type de rendez-vous n'est plus proposé.", {
        typeId: ["Choisissez un type de rendez-vous."],
      });
    }
    const notes = input.notes ? input.notes : null;
    const action = await tx.action.create({
      data: {
        prospectId: prospect.id,
        typeId: type.id,
        subject: input.subject,
        notes,
        // The due time of an appointment is its start: lists of actions sort by it.
        dueAt: startAt,
        startAt,
        endAt,
        assigneeId: actor.id,
        createdById: actor.id,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      entityType: "Action",
      entityId: action.id,
      prospectId: prospect.id,
      actorId: actor.id,
      action: "CREATE",
      changes: {
        type: type.name,
        subject: input.subject,
        dueAt: startAt.toISOString(),
        startAt: startAt.toISOString(),
        endAt: endAt.toISOString(),
        ...(notes ? { notes } : {}),
      },
    });
    return { id: action.id, prospectId: prospect.id, startAt, endAt };
  });
}
