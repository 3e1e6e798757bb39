import "server-only";
import { lockManageableAction } from "@/lib/actions/access";
import { diffForAudit, recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { parisLocalToUtc } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/prisma-client";
import type { ReminderFormValues } from "@/lib/reminders/schemas";

export const REMINDER_IN_PAST = "Choisissez un moment à venir pour le rappel.";
export const REMINDER_ON_DONE_TASK = "Cette tâche est déjà faite : elle n'a plus besoin de rappel.";
// A datetime-local value has minute precision: the current minute is still « now ».
const PAST_TOLERANCE_MS = 60_000;

export type SetReminderResult = { reminderAt: Date | null; reminderByEmail: boolean };

// Sets, moves or removes the alarm of a task not yet done. A new time clears reminderSentAt, so
// a moved alarm fires again at its new time; removing it (or marking the task done, or deleting
// it) means claimDueReminders never picks it. Audited on the task's prospect.
export async function setReminder(
  db: Db,
  actor: Actor,
  input: ReminderFormValues,
  now: Date = new Date(),
): Promise<SetReminderResult> {
  const reminderAt = input.reminderAt === "" ? null : parisLocalToUtc(input.reminderAt);
  if (input.reminderAt !== "" && !reminderAt) {
    throw new AppError("VALIDATION", "Date ou heure du rappel invalide.", { reminderAt: ["Date ou heure du rappel invalide."] });
  }
  // Without a time there is nothing to send by e-mail.
  const reminderByEmail = reminderAt ? input.byEmail : false;

  return db.$transaction(async (tx) => {
    // Locked like « Fait » locks it: a task marked done meanwhile keeps no alarm.
    const locked = await lockManageableAction(tx, actor, input.actionId);
    if (locked.done) throw new AppError("CONFLICT", REMINDER_ON_DONE_TASK);
    const action = await tx.action.findUniqueOrThrow({
      where: { id: locked.id },
      select: { id: true, prospectId: true, reminderAt: true, reminderByEmail: true },
    });

    const timeChanged = (action.reminderAt?.getTime() ?? null) !== (reminderAt?.getTime() ?? null);
    if (timeChanged && reminderAt && reminderAt.getTime() < now.getTime() - PAST_TOLERANCE_MS) {
      throw new AppError("VALIDATION", REMINDER_IN_PAST, { reminderAt: [REMINDER_IN_PAST] });
    }
    const changes = diffForAudit(
      { reminderAt: action.reminderAt, reminderByEmail: action.reminderByEmail },
      { reminderAt, reminderByEmail },
      ["reminderAt", "reminderByEmail"],
    );
    if (!changes) return { reminderAt, reminderByEmail };

    await tx.action.update({
      where: { id: action.id },
      data: { reminderAt, reminderByEmail, ...(timeChanged ? { reminderSentAt: null } : {}) },
    });
    await recordAudit(tx, {
      entityType: "Action",
      entityId: action.id,
      prospectId: action.prospectId,
      actorId: actor.id,
      action: "UPDATE",
      changes,
    });
    return { reminderAt, reminderByEmail };
  });
}
