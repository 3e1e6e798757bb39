"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import { authedAction } from "@/lib/auth/action";
import { db } from "@/lib/db";
import { dropHeldEmail, releaseHeldEmail } from "@/lib/mail/held";
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

const release = authedAction(
  outboxEmailIdSchema,
  async (input) => {
    await releaseHeldEmail(db, input.id);
    revalidatePath("/admin/outbox", "layout");
  },
  { permission: "outbox:view" },
);

export async function releaseHeldEmailAction(input: OutboxEmailIdInput): Promise<ActionResult<void>> {
  return release(input);
}

const drop = authedAction(
  outboxEmailIdSchema,
  async (input) => {
    await dropHeldEmail(db, input.id);
    revalidatePath("/admin/outbox", "layout");
  },
  { permission: "outbox:view" },
);

export async function dropHeldEmailAction(input: OutboxEmailIdInput): Promise<ActionResult<void>> {
  return drop(input);
}
