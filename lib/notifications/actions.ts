"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import { authedAction } from "@/lib/auth/action";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/read";
import { notificationIdSchema, type NotificationIdInput } from "@/lib/notifications/schemas";

const markOne = authedAction(notificationIdSchema, async (input, actor) => {
  const result = await markNotificationRead(db, actor.id, input.id);
  if (!result) throw new AppError("NOT_FOUND", "Cette notification n'existe plus.");
  // The bell's count is in the layout.
  revalidatePath("/", "layout");
});

const markAll = authedAction(z.object({}), async (_input, actor) => {
  const { count } = await markAllNotificationsRead(db, actor.id);
  revalidatePath("/", "layout");
  return { count };
});

export async function markNotificationReadAction(input: NotificationIdInput): Promise<ActionResult<void>> {
  return markOne(input);
}

export async function markAllNotificationsReadAction(): Promise<ActionResult<{ count: number }>> {
  return markAll({});
}
