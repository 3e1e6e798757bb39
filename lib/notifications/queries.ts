import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DbClient } from "@/lib/prisma-client";
import { NOTIFICATIONS_PER_PAGE, type NotificationListParams } from "@/lib/notifications/schemas";

const listSelect = {
  id: true,
  kind: true,
  title: true,
  body: true,
  link: true,
  readAt: true,
  createdAt: true,
} satisfies Prisma.NotificationSelect;

export type NotificationRow = Prisma.NotificationGetPayload<{ select: typeof listSelect }>;

export async function countUnreadNotifications(db: DbClient, userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

// The user's own notifications, newest first; a page past the end shows the last one.
export async function findNotifications(
  db: DbClient,
  userId: string,
  params: NotificationListParams,
): Promise<{ rows: NotificationRow[]; total: number; unread: number; page: number; perPage: number }> {
  const where: Prisma.NotificationWhereInput = { userId, ...(params.unreadOnly ? { readAt: null } : {}) };
  const perPage = NOTIFICATIONS_PER_PAGE;
  const [total, unread] = await Promise.all([db.notification.count({ where }), countUnreadNotifications(db, userId)]);
  const page = Math.min(params.page, Math.max(1, Math.ceil(total / perPage)));
  const rows = await db.notification.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * perPage,
    take: perPage,
    select: listSelect,
  });
  return { rows, total, unread, page, perPage };
}
