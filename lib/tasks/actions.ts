"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import { completeAction } from "@/lib/actions/complete-action";
import { authedAction } from "@/lib/auth/action";
import { db } from "@/lib/db";
import { completeTaskSchema, type CompleteTaskInput } from "@/lib/tasks/schemas";

const complete = authedAction(
  completeTaskSchema,
  async (input, actor) => {
    const result = await completeAction(db, actor, { actionId: input.actionId });
    revalidatePath("/taches");
    return { id: result.id };
  },
  { permission: "action:manage:any" },
);

// The quick « Fait » of the tasks screen: done, outcome and chain untouched.
export async function completeTaskAction(input: CompleteTaskInput): Promise<ActionResult<{ id: string }>> {
  return complete(input);
}
