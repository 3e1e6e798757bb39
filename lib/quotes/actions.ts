"use server";

import type { ActionResult } from "@/lib/action-result";
import { authedAction } from "@/lib/auth/action";
import { db } from "@/lib/db";
import { decideQuote, type QuoteDecision } from "@/lib/quotes/decide-quote";
import { saveQuoteDraft } from "@/lib/quotes/save-quote-draft";
import {
  quoteDecisionSchema,
  saveQuoteDraftSchema,
  validateQuoteSchema,
  type QuoteDecisionInput,
  type SaveQuoteDraftInput,
  type ValidateQuoteInput,
} from "@/lib/quotes/schemas";
import { validateQuote } from "@/lib/quotes/validate-quote";

// Permissions are checked by each operation (assertCanManageQuotes), so that a partner gets the
// same « introuvable » answer as for any record outside its scope.
const save = authedAction(saveQuoteDraftSchema, (input, actor) => saveQuoteDraft(db, actor, input));

export async function saveQuoteDraftAction(input: SaveQuoteDraftInput): Promise<ActionResult<{ quoteId: string; version: number }>> {
  return save(input);
}

const validate = authedAction(validateQuoteSchema, async (input, actor) => {
  const result = await validateQuote(db, actor, input);
  return { quoteId: result.quoteId, number: result.number, emailActionId: result.emailActionId };
});

export async function validateQuoteAction(
  input: ValidateQuoteInput,
): Promise<ActionResult<{ quoteId: string; number: string; emailActionId: string }>> {
  return validate(input);
}

const decide = authedAction(quoteDecisionSchema, (input, actor) => decideQuote(db, actor, input));

export async function decideQuoteAction(
  input: QuoteDecisionInput,
): Promise<ActionResult<{ quoteId: string; opportunityId: string; status: QuoteDecision }>> {
  return decide(input);
}
