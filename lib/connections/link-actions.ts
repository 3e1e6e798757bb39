"use server";

import { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import { authedAction } from "@/lib/auth/action";
import { linkConnection } from "@/lib/connections/link-connection";
import { db } from "@/lib/db";

const linkConnectionSchema = z.object({ id: z.string().trim().min(1).max(64) });

const link = authedAction(linkConnectionSchema, (input, actor) => linkConnection(db, actor, input.id), {
  permission: "prospect:update:any",
});

export async function linkConnectionAction(input: { id: string }): Promise<ActionResult<{ prospectId: string; linkedProspectId: string }>> {
  return link(input);
}
