"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import { authedAction } from "@/lib/auth/action";
import { db } from "@/lib/db";
import { setSalesTargetSchema, type SetSalesTargetInput } from "@/lib/objectives/schemas";
import { setSalesTarget } from "@/lib/objectives/targets";

const setTarget = authedAction(setSalesTargetSchema, (input) => setSalesTarget(db, input), { permission: "objective:manage" });

// « Définir l'objectif »: a manager sets a rep's target for one month.
export async function setSalesTargetAction(input: SetSalesTargetInput): Promise<ActionResult<{ id: string }>> {
  const result = await setTarget(input);
  if (result.ok) revalidatePath("/");
  return result;
}
