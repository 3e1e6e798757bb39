"use server";

import type { ActionResult } from "@/lib/action-result";
import { createAction } from "@/lib/actions/create-action";
import { searchProspectOptions, type ProspectOption } from "@/lib/actions/queries";
import { createActionSchema, prospectOptionsQuerySchema, type CreateActionInput } from "@/lib/actions/schemas";
import { authedAction } from "@/lib/auth/action";
import { db } from "@/lib/db";

const create = authedAction(createActionSchema, (input, actor) => createAction(db, actor, input));

export async function createActionAction(input: CreateActionInput): Promise<ActionResult<{ id: string; prospectId: string }>> {
  return create(input);
}

const search = authedAction(prospectOptionsQuerySchema, (input, actor) => searchProspectOptions(actor, input.q, db));

// The prospect picker's server-side filter.
export async function searchProspectOptionsAction(input: { q: string }): Promise<ActionResult<ProspectOption[]>> {
  return search(input);
}
