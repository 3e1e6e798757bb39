"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import { authedAction } from "@/lib/auth/action";
import { db } from "@/lib/db";
import { requeueFailedEmail } from "@/lib/mail/requeue";
import { outboxEmailIdSchema, type OutboxEmailIdInput } from "@/lib/mail/schemas";

const requeue = authedAction(
  outboxEmailIdSchema,
  async (input) => {
    await requeueFailedEmail(db, input.id);
    revalidatePath("/admin/outbox", "layout");
  },
  { permission: "outbox:view" },
);

export async function resendOutboxEmailAction(input: OutboxEmailIdInput): Promise<ActionResult<void>> {
  return requeue(input);
}
