"use server";

import type { ActionResult } from "@/lib/action-result";
import { authedAction } from "@/lib/auth/action";
import { addConnection, removeConnection } from "@/lib/connections/manage-connections";
import {
  addConnectionSchema,
  removeConnectionSchema,
  type AddConnectionInput,
  type RemoveConnectionInput,
} from "@/lib/connections/schemas";
import { db } from "@/lib/db";

const add = authedAction(addConnectionSchema, (input, actor) => addConnection(db, actor, input), {
  permission: "prospect:update:any",
});

export async function addConnectionAction(input: AddConnectionInput): Promise<ActionResult<{ id: string }>> {
  return add(input);
}

const remove = authedAction(removeConnectionSchema, (input, actor) => removeConnection(db, actor, input.id), {
  permission: "prospect:update:any",
});

export async function removeConnectionAction(input: RemoveConnectionInput): Promise<ActionResult<{ prospectId: string }>> {
  return remove(input);
}
