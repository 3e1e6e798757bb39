import { z } from "zod";

export const NOTIFICATIONS_PER_PAGE = 20;

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

// The notifications page's filter; the position in the list is a keyset cursor
// (lib/pagination/keyset.ts). A bad value falls back to all notifications.
export const notificationListParamsSchema = z
  .object({
    unread: z.preprocess(first, z.enum(["1"]).optional()).catch(undefined),
  })
  .catch({ unread: undefined });

export type NotificationListParams = { unreadOnly: boolean };

export function parseNotificationListParams(searchParams: unknown): NotificationListParams {
  const parsed = notificationListParamsSchema.parse(searchParams ?? {});
  return { unreadOnly: parsed.unread === "1" };
}

export const notificationIdSchema = z.object({ id: z.string().min(1).max(100) });
export type NotificationIdInput = z.input<typeof notificationIdSchema>;
