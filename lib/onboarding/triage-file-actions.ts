"use server";

import type { ActionResult } from "@/lib/action-result";
import { authedAction } from "@/lib/auth/action";
import { db } from "@/lib/db";
import { findTriageFile, type TriageFile } from "@/lib/onboarding/triage-file";
import { resendLinkSchema, type ResendLinkInput } from "@/lib/onboarding/triage-schemas";

// Read-only, but a server action so the side panel loads without leaving the list.
const load = authedAction(resendLinkSchema, (input, actor) => findTriageFile(actor, input.prospectId, db), {
  permission: "alert:triage",
});

export async function loadTriageFileAction(input: ResendLinkInput): Promise<ActionResult<TriageFile>> {
  return load(input);
}
