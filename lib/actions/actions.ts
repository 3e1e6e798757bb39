"use server";

import type { ActionResult } from "@/lib/action-result";
import { completeAction } from "@/lib/actions/complete-action";
import { createAction } from "@/lib/actions/create-action";
import { createNestedAction } from "@/lib/actions/create-nested-action";
import { deleteAction } from "@/lib/actions/delete-action";
import { searchProspectOptions, type ProspectOption } from "@/lib/actions/queries";
import { reopenAction } from "@/lib/actions/reopen-action";
import {
  actionIdSchema,
  completeActionSchema,
  createActionSchema,
  createNestedActionSchema,
  prospectOptionsQuerySchema,
  updateActionSchema,
  type ActionIdInput,
  type CompleteActionInput,
  type CreateActionInput,
  type CreateNestedActionInput,
  type UpdateActionInput,
} from "@/lib/actions/schemas";
import { updateAction } from "@/lib/actions/update-action";
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

const createNested = authedAction(createNestedActionSchema, (input, actor) => createNestedAction(db, actor, input));

export async function createNestedActionAction(
  input: CreateNestedActionInput,
): Promise<ActionResult<{ id: string; prospectId: string; opportunityId: string; isOffer: boolean }>> {
  return createNested(input);
}

const complete = authedAction(completeActionSchema, (input, actor) => completeAction(db, actor, input));

export async function completeActionAction(input: CompleteActionInput): Promise<ActionResult<{ id: string; nextActionId: string | null }>> {
  return complete(input);
}

const reopen = authedAction(actionIdSchema, (input, actor) => reopenAction(db, actor, input));

export async function reopenActionAction(input: ActionIdInput): Promise<ActionResult<{ id: string }>> {
  return reopen(input);
}

const update = authedAction(updateActionSchema, (input, actor) => updateAction(db, actor, input));

export async function updateActionAction(input: UpdateActionInput): Promise<ActionResult<{ id: string }>> {
  return update(input);
}

const remove = authedAction(actionIdSchema, (input, actor) => deleteAction(db, actor, input));

export async function deleteActionAction(
  input: ActionIdInput,
): Promise<ActionResult<{ id: string; prospectId: string; opportunityId: string | null; relinkedId: string | null }>> {
  return remove(input);
}
