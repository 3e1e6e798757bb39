// « Rappel » of a task: one schema for the form (browser) and the server action. An empty time
// removes the reminder (« Supprimer le rappel »).
import { z } from "zod";
import "@/lib/zod-fr";
import { parisLocalToUtc } from "@/lib/dates";

// Far enough either way for any real planning; beyond, it is a typo ("20266").
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

export const INVALID_REMINDER_TIME = "Date ou heure du rappel invalide.";

export const reminderFormSchema = z.object({
  actionId: z.string().trim().min(1, "Tâche introuvable.").max(64),
  // A datetime-local value, Paris time, or "" to remove the reminder.
  reminderAt: z
    .string()
    .trim()
    .max(40, INVALID_REMINDER_TIME)
    .refine((value) => {
      if (value === "") return true;
      const instant = parisLocalToUtc(value);
      return instant !== null && instant.getTime() >= EARLIEST && instant.getTime() < LATEST;
    }, INVALID_REMINDER_TIME),
  byEmail: z.boolean().default(false),
});

export type ReminderFormInput = z.input<typeof reminderFormSchema>;
export type ReminderFormValues = z.output<typeof reminderFormSchema>;
