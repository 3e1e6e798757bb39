"use server";

import { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import { authedAction } from "@/lib/auth/action";
import { parisMonthOf } from "@/lib/commissions/compute";
import { AppError } from "@/lib/errors";
import { generateStatementsForMonth, type GenerateResult } from "@/lib/commissions/generate-statements";
import { addAdjustment, markStatementPaid, removeAdjustment, validateStatement } from "@/lib/commissions/manage-statements";
import {
  addAdjustmentSchema,
  generateStatementsSchema,
  markStatementPaidSchema,
  validateStatementSchema,
  type AddAdjustmentValues,
  type GenerateStatementsInput,
  type MarkStatementPaidValues,
  type ValidateStatementInput,
} from "@/lib/commissions/schemas";
import { db } from "@/lib/db";

const permission = { permission: "commission:manage" as const };

const generate = authedAction(
  generateStatementsSchema,
  (input) => {
    // A month not begun yet has nothing to settle, and would sweep this month's lines into it.
    if (input.month > parisMonthOf(new Date())) {
      throw new AppError("VALIDATION", "Ce mois n'a pas encore commencé : choisissez le mois en cours ou un mois passé.", {
        month: ["Choisissez le mois en cours ou un mois passé."],
      });
    }
    return generateStatementsForMonth(db, input.month);
  },
  permission,
);
export async function generateStatementsAction(input: GenerateStatementsInput): Promise<ActionResult<GenerateResult>> {
  return generate(input);
}

const adjust = authedAction(addAdjustmentSchema, (input, actor) => addAdjustment(db, actor, input), permission);
export async function addAdjustmentAction(input: AddAdjustmentValues): Promise<ActionResult<{ id: string; totalCents: number }>> {
  return adjust(input);
}

const removeSchema = z.object({ id: z.string().min(1).max(64) });
const remove = authedAction(removeSchema, (input, actor) => removeAdjustment(db, actor, input.id), permission);
export async function removeAdjustmentAction(input: { id: string }): Promise<ActionResult<void>> {
  return remove(input);
}

const validate = authedAction(
  validateStatementSchema,
  async (input, actor) => {
    const { number } = await validateStatement(db, actor, input);
    return { number };
  },
  permission,
);
export async function validateStatementAction(input: ValidateStatementInput): Promise<ActionResult<{ number: string }>> {
  return validate(input);
}

const markPaid = authedAction(markStatementPaidSchema, (input, actor) => markStatementPaid(db, actor, input), permission);
export async function markStatementPaidAction(input: MarkStatementPaidValues): Promise<ActionResult<void>> {
  return markPaid(input);
}
