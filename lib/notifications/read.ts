import "server-only";
import type { DbClient } from "@/lib/prisma-client";

// Scoped by userId in the `where`: another user's notification is simply not found.
export async function markNotificationRead(
  db: DbClient,
  userId: string,
  id: string,
): Promise<{ link: string | null } | null> {
  const notification = await db.notification.findFirst({ where: { id, userId }, select: { link: true, readAt: true } });
  if (!notification) return null;
  if (!notification.readAt) {
    await db.notification.updateMany({ where: { id, userId, readAt: null }, data: { readAt: new Date() } });
  }
  return { link: notification.link };
}

export async function markAllNotificationsRead(db: DbClient, userId: string): Promise<{ count: number }> {
  return db.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
}
