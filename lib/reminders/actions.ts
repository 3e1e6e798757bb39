"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import { authedAction } from "@/lib/auth/action";
import { db } from "@/lib/db";
import { reminderFormSchema, type ReminderFormInput } from "@/lib/reminders/schemas";
import { setReminder, type SetReminderResult } from "@/lib/reminders/set-reminder";

const set = authedAction(reminderFormSchema, async (input, actor) => {
  const result = await setReminder(db, actor, input);
  revalidatePath("/taches");
  revalidatePath(`/actions/${input.actionId}`);
  return result;
});

// « Enregistrer le rappel » (a time) and « Supprimer le rappel » (reminderAt "").
export async function setReminderAction(input: ReminderFormInput): Promise<ActionResult<SetReminderResult>> {
  return set(input);
}
