// Delivers due task reminders (« Rappel »), from the worker. Any number of workers may run it
// at once: due rows are claimed with FOR UPDATE SKIP LOCKED and marked sent in the same
// transaction as the notifications and e-mails they produce, so a crash before the commit
// leaves them due (at least once) and a commit makes them gone (never twice). The notification
// and e-mail dedupe keys include the alarm time: should a reminder be claimed again anyway,
// nothing is shown or sent twice, while a moved alarm is a new reminder.
import { isAppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { renderEmailLayout } from "@/lib/mail/layout";
import { enqueueEmail } from "@/lib/mail/outbox";
import type { Db, DbClient } from "@/lib/prisma-client";

export type ClaimRemindersOptions = {
  now?: Date;
  // Reminders handled per transaction; the worker calls again while batches come back full.
  limit?: number;
  // Absolute base of the link in e-mails (NEXTAUTH_URL).
  appUrl?: string;
};

export type ClaimRemindersResult = { claimed: number; notified: number; emailed: number };

type DueReminder = {
  id: string;
  subject: string;
  reminderAt: Date;
  reminderByEmail: boolean;
  dueAt: Date | null;
  assigneeId: string | null;
  createdById: string | null;
  prospectName: string;
  typeName: string;
};

type Recipient = { id: string; email: string; name: string };

const MAX_TITLE = 200;
const MAX_BODY = 2000;

function clip(value: string, max: number): string {
  const v = value.trim();
  return v.length > max ? `${v.slice(0, max - 1)}…` : v;
}

export function reminderNotificationKey(actionId: string, userId: string, reminderAt: Date): string {
  return `reminder:${actionId}:${userId}:${reminderAt.toISOString()}`;
}

export function reminderEmailKey(actionId: string, reminderAt: Date): string {
  return `reminder:${actionId}:${reminderAt.toISOString()}`;
}

export function reminderTitle(subject: string): string {
  return `Rappel : ${subject}`;
}

export function reminderBody(reminder: { prospectName: string; dueAt: Date | null }): string {
  const due = reminder.dueAt ? `échéance le ${formatDateTime(reminder.dueAt)}` : "sans échéance";
  return `${reminder.prospectName} — ${due}`;
}

// The users concerned by a task: whoever it is assigned to, or its creator when nobody is.
function concernedUserId(reminder: DueReminder): string | null {
  return reminder.assigneeId ?? reminder.createdById;
}

async function lockDueReminders(tx: DbClient, now: Date, limit: number): Promise<DueReminder[]> {
  return tx.$queryRaw<DueReminder[]>`
    SELECT a."id", a."subject", a."reminderAt", a."reminderByEmail", a."dueAt", a."assigneeId", a."createdById",
           p."name" AS "prospectName", t."name" AS "typeName"
    FROM "Action" a
    JOIN "Prospect" p ON p."id" = a."prospectId"
    JOIN "ActionType" t ON t."id" = a."typeId"
    WHERE a."reminderAt" <= ${now} AND a."reminderSentAt" IS NULL AND a."done" = false
    ORDER BY a."reminderAt", a."id"
    LIMIT ${limit}
    FOR UPDATE OF a SKIP LOCKED`;
}

function reminderEmail(reminder: DueReminder, appUrl: string) {
  const link = `${appUrl.replace(/\/+$/, "")}/actions/${encodeURIComponent(reminder.id)}`;
  const { html, text } = renderEmailLayout({
    heading: reminderTitle(reminder.subject),
    preheader: reminderBody(reminder),
    paragraphs: ["Bonjour,", "Vous avez programmé un rappel pour cette tâche."],
    details: [
      { label: "Tâche", value: reminder.subject },
      { label: "Type", value: reminder.typeName },
      { label: "Prospect", value: reminder.prospectName },
      { label: "Échéance", value: reminder.dueAt ? formatDateTime(reminder.dueAt) : "Aucune" },
    ],
    action: { label: "Ouvrir la tâche", url: link },
    footer: "Vous recevez ce message parce qu'un rappel par e-mail a été demandé sur cette tâche du CRM.",
  });
  return { subject: reminderTitle(reminder.subject), html, text };
}

export async function claimDueReminders(db: Db, options: ClaimRemindersOptions = {}): Promise<ClaimRemindersResult> {
  const now = options.now ?? new Date();
  const limit = Math.max(1, Math.min(options.limit ?? 100, 1000));
  const appUrl = options.appUrl ?? "http://localhost:3000";

  return db.$transaction(async (tx) => {
    const due = await lockDueReminders(tx, now, limit);
    if (due.length === 0) return { claimed: 0, notified: 0, emailed: 0 };
    await tx.action.updateMany({ where: { id: { in: due.map((r) => r.id) } }, data: { reminderSentAt: now } });

    const userIds = [...new Set(due.map(concernedUserId).filter((id): id is string => id !== null))];
    // A deactivated account can no longer sign in or read its mail from the CRM.
    const users = await tx.user.findMany({ where: { id: { in: userIds }, active: true }, select: { id: true, email: true, name: true } });
    const byId = new Map<string, Recipient>(users.map((u) => [u.id, u]));

    let notified = 0;
    let emailed = 0;
    for (const reminder of due) {
      const userId = concernedUserId(reminder);
      const user = userId ? byId.get(userId) : undefined;
      if (!user) continue;
      const created = await tx.notification.createMany({
        data: [
          {
            userId: user.id,
            kind: "REMINDER",
            title: clip(reminderTitle(reminder.subject), MAX_TITLE),
            body: clip(reminderBody(reminder), MAX_BODY),
            link: `/actions/${encodeURIComponent(reminder.id)}`,
            dedupeKey: reminderNotificationKey(reminder.id, user.id, reminder.reminderAt),
          },
        ],
        skipDuplicates: true,
      });
      notified += created.count;
      if (reminder.reminderByEmail) {
        try {
          const queued = await enqueueEmail(tx, {
            dedupeKey: reminderEmailKey(reminder.id, reminder.reminderAt),
            to: [{ address: user.email, name: user.name }],
            ...reminderEmail(reminder, appUrl),
          });
          if (queued.created) emailed += 1;
        } catch (error) {
          // An unusable address is refused before any SQL runs: the toast and the bell still
          // carry the reminder, and the batch is not blocked forever by one account.
          if (!isAppError(error)) throw error;
        }
      }
    }
    return { claimed: due.length, notified, emailed };
  });
}
