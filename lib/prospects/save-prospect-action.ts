"use server";

import { authedAction } from "@/lib/auth/action";
import type { ActionResult, FieldErrors } from "@/lib/action-result";
import { db } from "@/lib/db";
import { DuplicateProspectError } from "@/lib/prospects/deal-registration";
import { prospectFormSchema, type ProspectFormValues } from "@/lib/prospects/prospect-form-schema";
import { saveProspect, type SavedProspect } from "@/lib/prospects/save-prospect";

// A refused duplicate registration tells the form which existing file to open (only when the
// actor may open it).
export type SaveProspectActionResult =
  | ActionResult<SavedProspect>
  | { ok: false; error: string; fieldErrors: FieldErrors; existingProspectId: string };

type Outcome = { saved: SavedProspect } | { duplicate: DuplicateProspectError };

// Permissions (create vs update, own vs any) and partner scoping are checked by saveProspect,
// which needs the stored prospect to know which apply.
const run = authedAction(prospectFormSchema, async (input, actor): Promise<Outcome> => {
  try {
    return { saved: await saveProspect(db, actor, input) };
  } catch (error) {
    if (error instanceof DuplicateProspectError && error.existingProspectId) return { duplicate: error };
    throw error;
  }
});

export async function saveProspectAction(input: ProspectFormValues): Promise<SaveProspectActionResult> {
  const result = await run(input);
  if (!result.ok) return result;
  if ("duplicate" in result.data) {
    const { message, fieldErrors, existingProspectId } = result.data.duplicate;
    return { ok: false, error: message, fieldErrors, existingProspectId: existingProspectId! };
  }
  return { ok: true, data: result.data.saved };
}
