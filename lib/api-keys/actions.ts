"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/manage";
import { createApiKeySchema, revokeApiKeySchema, type CreateApiKeyInput } from "@/lib/api-keys/schemas";
import { authedAction } from "@/lib/auth/action";
import { db } from "@/lib/db";

const create = authedAction(
  createApiKeySchema,
  async (input, actor) => {
    const created = await createApiKey(db, { name: input.name, createdById: actor.id });
    revalidatePath("/admin/api-keys");
    return created;
  },
  { permission: "apikey:manage" },
);

const revoke = authedAction(
  revokeApiKeySchema,
  async (input) => {
    await revokeApiKey(db, input.id);
    revalidatePath("/admin/api-keys");
  },
  { permission: "apikey:manage" },
);

// The key itself is in this answer only: it is never stored nor shown again.
export async function createApiKeyAction(
  input: CreateApiKeyInput,
): Promise<ActionResult<{ id: string; name: string; prefix: string; key: string }>> {
  return create(input);
}

export async function revokeApiKeyAction(input: { id: string }): Promise<ActionResult<void>> {
  return revoke(input);
}
