"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import { authedAction } from "@/lib/auth/action";
import { db } from "@/lib/db";
import { deleteReference, moveReference, saveActionType, saveReferenceName, setReferenceActive } from "@/lib/reference/manage";
import {
  actionTypeSchema,
  moveReferenceSchema,
  referenceNameSchema,
  referenceRefSchema,
  setReferenceActiveSchema,
  type ActionTypeInput,
  type ReferenceNameInput,
  type ReferenceRef,
} from "@/lib/reference/schemas";

const permission = { permission: "reference:manage" } as const;
const PAGE = "/admin/reference";

const saveName = authedAction(referenceNameSchema, (input) => saveReferenceName(db, input), permission);
const saveType = authedAction(actionTypeSchema, (input) => saveActionType(db, input), permission);
const move = authedAction(moveReferenceSchema, (input) => moveReference(db, input), permission);
const setActive = authedAction(setReferenceActiveSchema, (input) => setReferenceActive(db, input), permission);
const remove = authedAction(referenceRefSchema, (input) => deleteReference(db, input), permission);

async function refreshed<T>(result: Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  const outcome = await result;
  if (outcome.ok) revalidatePath(PAGE);
  return outcome;
}

export async function saveReferenceNameAction(input: ReferenceNameInput): Promise<ActionResult<{ id: string }>> {
  return refreshed(saveName(input));
}

export async function saveActionTypeAction(input: ActionTypeInput): Promise<ActionResult<{ id: string }>> {
  return refreshed(saveType(input));
}

export async function moveReferenceAction(input: ReferenceRef & { direction: "up" | "down" }): Promise<ActionResult<void>> {
  return refreshed(move(input));
}

export async function setReferenceActiveAction(input: ReferenceRef & { active: boolean }): Promise<ActionResult<void>> {
  return refreshed(setActive(input));
}

export async function deleteReferenceAction(input: ReferenceRef): Promise<ActionResult<void>> {
  return refreshed(remove(input));
}
