"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import { authedAction } from "@/lib/auth/action";
import { db } from "@/lib/db";
import {
  addPipelineColumn,
  movePipelineColumn,
  renamePipelineColumn,
  retirePipelineColumn,
  type RetireColumnResult,
} from "@/lib/pipeline/manage-columns";
import { moveOpportunityStage, type MoveOpportunityResult } from "@/lib/pipeline/move-opportunity";
import {
  addColumnSchema,
  moveColumnSchema,
  moveOpportunityStageSchema,
  renameColumnSchema,
  retireColumnSchema,
  type AddColumnInput,
  type MoveColumnInput,
  type MoveOpportunityStageInput,
  type RenameColumnInput,
  type RetireColumnInput,
} from "@/lib/pipeline/schemas";

const manageColumns = { permission: "objective:manage" } as const;

const move = authedAction(moveOpportunityStageSchema, (input, actor) => moveOpportunityStage(db, actor, input), {
  permission: "opportunity:manage",
});
const rename = authedAction(renameColumnSchema, (input) => renamePipelineColumn(db, input), manageColumns);
const add = authedAction(addColumnSchema, (input) => addPipelineColumn(db, input), manageColumns);
const reorder = authedAction(moveColumnSchema, (input) => movePipelineColumn(db, input), manageColumns);
const retire = authedAction(retireColumnSchema, (input, actor) => retirePipelineColumn(db, actor, input), manageColumns);

// The board lives on the home page; prospect files show opportunities too.
async function refreshed<T>(result: Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  const outcome = await result;
  if (outcome.ok) {
    revalidatePath("/");
    revalidatePath("/prospects/[id]", "page");
  }
  return outcome;
}

export async function moveOpportunityStageAction(input: MoveOpportunityStageInput): Promise<ActionResult<MoveOpportunityResult>> {
  return refreshed(move(input));
}

export async function renamePipelineColumnAction(input: RenameColumnInput): Promise<ActionResult<void>> {
  return refreshed(rename(input));
}

export async function addPipelineColumnAction(input: AddColumnInput): Promise<ActionResult<{ id: string }>> {
  return refreshed(add(input));
}

export async function movePipelineColumnAction(input: MoveColumnInput): Promise<ActionResult<void>> {
  return refreshed(reorder(input));
}

export async function retirePipelineColumnAction(input: RetireColumnInput): Promise<ActionResult<RetireColumnResult>> {
  return refreshed(retire(input));
}
