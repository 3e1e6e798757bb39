// In-app notifications, written in the caller's transaction like the change they announce.
// Not server-only: the background worker (outside Next.js) notifies admins of failed e-mails.
import type { NotificationKind, Role } from "@/lib/generated/prisma/enums";
import type { DbClient } from "@/lib/prisma-client";

export type NotificationInput = {
  kind: NotificationKind;
  title: string;
  body?: string | null;
  // An in-app path ("/prospects/…"): the bell and the list link to it.
  link?: string | null;
};

const MAX_TITLE = 200;
const MAX_BODY = 2000;

function cleanLink(link: string | null | undefined): string | null {
  if (!link) return null;
  // Only local paths: a notification must never send a user to another site.
  if (!link.startsWith("/") || link.startsWith("//") || link.includes("\\")) {
    throw new Error(`Notification link must be an in-app path: ${link}`);
  }
  return link;
}

function clip(value: string, max: number): string {
  const v = value.trim();
  return v.length > max ? `${v.slice(0, max - 1)}…` : v;
}

// One notification per user. With a dedupeKey, each user's row is keyed `<dedupeKey>:<userId>`,
// so a retried transaction (or a second call for the same event) notifies nobody twice.
export async function notifyUsers(
  tx: DbClient,
  input: NotificationInput & { userIds: string[]; dedupeKey?: string | null },
): Promise<{ created: number }> {
  const userIds = [...new Set(input.userIds)];
  if (userIds.length === 0) return { created: 0 };
  const title = clip(input.title, MAX_TITLE);
  if (!title) throw new Error("notifyUsers: empty title");
  const body = input.body ? clip(input.body, MAX_BODY) : null;
  const link = cleanLink(input.link);
  const result = await tx.notification.createMany({
    data: userIds.map((userId) => ({
      userId,
      kind: input.kind,
      title,
      body,
      link,
      dedupeKey: input.dedupeKey ? `${input.dedupeKey}:${userId}` : null,
    })),
    skipDuplicates: true,
  });
  return { created: result.count };
}

// Every active user holding one of these roles.
export async function notifyRoles(
  tx: DbClient,
  input: NotificationInput & { roles: Role[]; dedupeKeyPrefix?: string | null },
): Promise<{ created: number }> {
  const { roles, dedupeKeyPrefix, ...notification } = input;
  const users = await tx.user.findMany({ where: { role: { in: roles }, active: true }, select: { id: true } });
  return notifyUsers(tx, { ...notification, userIds: users.map((u) => u.id), dedupeKey: dedupeKeyPrefix });
}

// The internal sales team: every active SALES and MANAGER user.
export async function notifySalesTeam(
  tx: DbClient,
  input: NotificationInput & { dedupeKeyPrefix?: string | null },
): Promise<{ created: number }> {
  return notifyRoles(tx, { ...input, roles: ["SALES", "MANAGER"] });
}
