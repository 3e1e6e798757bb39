"use server";

import type { ActionResult } from "@/lib/action-result";
import { authedAction } from "@/lib/auth/action";
import { db } from "@/lib/db";
import type { OpportunityStatus } from "@/lib/generated/prisma/enums";
import { createOpportunity } from "@/lib/opportunities/create-opportunity";
import {
  createOpportunitySchema,
  updateOpportunitySchema,
  type CreateOpportunityInput,
  type UpdateOpportunityInput,
} from "@/lib/opportunities/schemas";
import { updateOpportunity } from "@/lib/opportunities/update-opportunity";

// No permission option on purpose: without opportunity:manage the lib answers NOT_FOUND, the
// same as for a record out of scope.
const create = authedAction(createOpportunitySchema, (input, actor) => createOpportunity(db, actor, input));

export async function createOpportunityAction(input: CreateOpportunityInput): Promise<ActionResult<{ id: string; prospectId: string }>> {
  return create(input);
}

const update = authedAction(updateOpportunitySchema, (input, actor) => updateOpportunity(db, actor, input));

export async function updateOpportunityAction(
  input: UpdateOpportunityInput,
): Promise<ActionResult<{ id: string; version: number; status: OpportunityStatus; stageId: string }>> {
  return update(input);
}
