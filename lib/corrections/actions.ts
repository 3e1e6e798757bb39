"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/action";
import { acceptCorrections, rejectCorrection } from "@/lib/corrections/decide-corrections";
import { acceptCorrectionsSchema, rejectCorrectionSchema, type AcceptCorrectionsInput, type RejectCorrectionInput } from "@/lib/corrections/schemas";
import { db } from "@/lib/db";

const accept = authedAction(
  acceptCorrectionsSchema,
  async (input, actor) => {
    const saved = await acceptCorrections(db, actor, input);
    revalidatePath(`/prospects/${input.prospectId}`);
    return { version: saved.version };
  },
  { permission: "alert:triage" },
);

const reject = authedAction(
  rejectCorrectionSchema,
  async (input, actor) => {
    await rejectCorrection(db, actor, input);
    revalidatePath(`/prospects/${input.prospectId}`);
  },
  { permission: "alert:triage" },
);

export async function acceptCorrectionsAction(input: AcceptCorrectionsInput) {
  return accept(input);
}

export async function rejectCorrectionAction(input: RejectCorrectionInput) {
  return reject(input);
}
