import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { partnerTypeWhere } from "@/lib/actions/access";
import { can } from "@/lib/auth/permissions";
import { prospectScope } from "@/lib/auth/scope";
import type { CreateActionValues } from "@/lib/actions/schemas";
import { parisLocalToUtc } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/prisma-client";

export function canCreateActions(actor: Actor): boolean {
  return can(actor.role, "action:manage:any") || can(actor.role, "action:manage:own");
}

// A free action (no opportunity) on a prospect in the actor's scope, assigned to the actor,
// with its audit event. The time was typed in Paris and is stored in UTC.
export async function createAction(db: Db, actor: Actor, input: CreateActionValues): Promise<{ id: string; prospectId: string }> {
  if (!canCreateActions(actor)) throw new AppError("FORBIDDEN");
  const dueAt = parisLocalToUtc(input.scheduledAt);
  if (!dueAt) throw new AppError("VALIDATION", "Date ou heure invalide.", { scheduledAt: ["Date ou heure invalide."] });

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
      where: { id: input.typeId, active: true, category: { not: "OFFER" }, ...partnerTypeWhere(actor) },
      select: { id: true, name: true, isAppointment: true },
    });
    if (!type) throw new AppError("VALIDATION", "Ce type d'action n'est plus proposé.", { typeId: ["Choisissez un type d'action."] });

    const notes = input.notes ? input.notes : null;
    const action = await tx.action.create({
      data: {
        prospectId: prospect.id,
        typeId: type.id,
        subject: input.subject,
        notes,
        dueAt,
        // Appointments are placed on the calendar by their start time.
        startAt: type.isAppointment ? dueAt : null,
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
      changes: { type: type.name, subject: input.subject, dueAt: dueAt.toISOString(), ...(notes ? { notes } : {}) },
    });
    return { id: action.id, prospectId: prospect.id };
  });
}
