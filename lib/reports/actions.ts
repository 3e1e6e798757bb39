"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import { authedAction } from "@/lib/auth/action";
import { db } from "@/lib/db";
import { createSavedList, deleteSavedList, renameSavedList } from "@/lib/reports/saved-lists";
import {
  createSavedListSchema,
  deleteSavedListSchema,
  renameSavedListSchema,
  type CreateSavedListInput,
  type RenameSavedListInput,
} from "@/lib/reports/saved-list-schemas";

const LISTS_PATH = "/rapports/listes";

const create = authedAction(
  createSavedListSchema,
  async (input, actor) => {
    const created = await createSavedList(db, actor, input);
    revalidatePath(LISTS_PATH);
    return created;
  },
  { permission: "report:view" },
);

// « Enregistrer la liste »
export async function createSavedListAction(input: CreateSavedListInput): Promise<ActionResult<{ id: string }>> {
  return create(input);
}

const rename = authedAction(
  renameSavedListSchema,
  async (input, actor) => {
    const renamed = await renameSavedList(db, actor, input);
    revalidatePath(LISTS_PATH);
    return renamed;
  },
  { permission: "report:view" },
);

export async function renameSavedListAction(input: RenameSavedListInput): Promise<ActionResult<{ id: string }>> {
  return rename(input);
}

const remove = authedAction(
  deleteSavedListSchema,
  async (input, actor) => {
    const deleted = await deleteSavedList(db, actor, input);
    revalidatePath(LISTS_PATH);
    return deleted;
  },
  { permission: "report:view" },
);

export async function deleteSavedListAction(input: { id: string }): Promise<ActionResult<{ id: string }>> {
  return remove(input);
}
