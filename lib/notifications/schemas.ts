import { z } from "zod";

export const NOTIFICATIONS_PER_PAGE = 20;
const MAX_PAGE = 100_000;

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

// The notifications page's URL state; a bad value falls back to the first page.
export const notificationListParamsSchema = z
  .object({
    page: z.preprocess(first, z.coerce.number().int().min(1).max(MAX_PAGE)).catch(1),
    unread: z.preprocess(first, z.enum(["1"]).optional()).catch(undefined),
  })
  .catch({ page: 1, unread: undefined });

export type NotificationListParams = { page: number; unreadOnly: boolean };

export function parseNotificationListParams(searchParams: unknown): NotificationListParams {
  const parsed = notificationListParamsSchema.parse(searchParams ?? {});
  return { page: parsed.page, unreadOnly: parsed.unread === "1" };
}

export const notificationIdSchema = z.object({ id: z.string().min(1).max(100) });
export type NotificationIdInput = z.input<typeof notificationIdSchema>;
