"use server";

import { authedAction } from "@/lib/auth/action";
import type { ActionResult } from "@/lib/action-result";
import { deleteAttachment } from "@/lib/attachments/delete-attachment";
import { deleteAttachmentSchema, type DeleteAttachmentInput } from "@/lib/attachments/schemas";
import { db } from "@/lib/db";

const remove = authedAction(deleteAttachmentSchema, (input, actor) => deleteAttachment(db, actor, input.id));

export async function deleteAttachmentAction(input: DeleteAttachmentInput): Promise<ActionResult<{ prospectId: string }>> {
  return remove(input);
}
