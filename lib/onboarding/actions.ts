"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import { authedAction } from "@/lib/auth/action";
import { db } from "@/lib/db";
import type { ProspectStage } from "@/lib/generated/prisma/enums";
import { assignProspect, moveProspectStage, resendOnboardingLink } from "@/lib/onboarding/triage";
import {
  assignProspectSchema,
  moveStageSchema,
  resendLinkSchema,
  type AssignProspectInput,
  type MoveStageInput,
  type ResendLinkInput,
} from "@/lib/onboarding/triage-schemas";

const INBOX_PATH = "/dossiers-prets";

// Thin wrappers: authentication, permission and input parsing here; the rules (scope, locks,
// history, notifications) live in lib/onboarding/triage.ts, tested on their own.

const assign = authedAction(
  assignProspectSchema,
  async (input, actor) => {
    const result = await assignProspect(db, actor, input);
    revalidatePath(INBOX_PATH);
    return result;
  },
  { permission: "alert:triage" },
);

const resend = authedAction(
  resendLinkSchema,
  async (input, actor) => {
    const { expiresAt } = await resendOnboardingLink(db, actor, input.prospectId);
    revalidatePath(INBOX_PATH);
    return { expiresAt };
  },
  { permission: "alert:triage" },
);

const move = authedAction(
  moveStageSchema,
  async (input, actor) => {
    const result = await moveProspectStage(db, actor, input);
    revalidatePath(INBOX_PATH);
    return result;
  },
  { permission: "alert:triage" },
);

export async function assignProspectAction(
  input: AssignProspectInput,
): Promise<ActionResult<{ ownerId: string; changed: boolean }>> {
  return assign(input);
}

export async function resendOnboardingLinkAction(input: ResendLinkInput): Promise<ActionResult<{ expiresAt: Date }>> {
  return resend(input);
}

export async function moveProspectStageAction(input: MoveStageInput): Promise<ActionResult<{ stage: ProspectStage }>> {
  return move(input);
}
