"use server";

// Saves one list's layout for the signed-in user only: the user id comes from the session,
// never from the input, so nobody can write another user's preferences.
import { authedAction } from "@/lib/auth/action";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import {
  saveTablePreferencesSchema,
  TABLE_PREFERENCES_MAX_BYTES,
  TABLE_PREFERENCES_TOO_LARGE_MESSAGE,
} from "@/lib/table-preferences/schemas";

export const saveTablePreferencesAction = authedAction(saveTablePreferencesSchema, async (input, actor) => {
  const entry = JSON.stringify({ hidden: input.hidden, density: input.density });
  // One statement merges the entry and checks the size of the result, so two lists saved at
  // the same time never overwrite each other and the map can never grow past the limit.
  const updated = await db.$executeRaw`
    UPDATE "User"
    SET "tablePreferences" = "tablePreferences" || jsonb_build_object(${input.tableId}::text, ${entry}::jsonb)
    WHERE "id" = ${actor.id}
      AND octet_length(("tablePreferences" || jsonb_build_object(${input.tableId}::text, ${entry}::jsonb))::text) <= ${TABLE_PREFERENCES_MAX_BYTES}`;
  if (updated === 0) throw new AppError("VALIDATION", TABLE_PREFERENCES_TOO_LARGE_MESSAGE);
  return { tableId: input.tableId };
});
