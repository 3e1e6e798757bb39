"use client";

// « Rappel » of a task: the alarm time (Paris) and whether it also goes by e-mail. Used on the
// tasks screen and on the action page.
import { zodResolver } from "@hookform/resolvers/zod";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { DateTimeInput } from "@/components/ui/date-time-input";
import { Field } from "@/components/ui/field";
import { cn } from "@/lib/cn";
import { utcToParisLocalInput } from "@/lib/dates";
import { setReminderAction } from "@/lib/reminders/actions";
import { reminderFormSchema, type ReminderFormInput, type ReminderFormValues } from "@/lib/reminders/schemas";

const NETWORK_ERROR = "Le rappel n'a pas pu être enregistré. Vérifiez votre connexion et réessayez.";
const MISSING_TIME = "Indiquez la date et l'heure du rappel.";

type Props = {
  actionId: string;
  // The current alarm (a Date from a server component, or its ISO text), null when none.
  reminderAt: Date | string | null;
  byEmail: boolean;
  // Called once saved or removed, e.g. to close the panel holding the form.
  onSaved?: (reminderAt: Date | null) => void;
};

export function ReminderForm({ actionId, reminderAt, byEmail, onSaved }: Props) {
  const router = useRouter();
  const base = useId();
  const ids = { reminderAt: `${base}-rappel`, byEmail: `${base}-email` };
  const [formError, setFormError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [hasReminder, setHasReminder] = useState(reminderAt !== null);
  const [removing, setRemoving] = useState(false);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    clearErrors,
    formState: { errors, isSubmitting },
  } = useForm<ReminderFormInput, unknown, ReminderFormValues>({
    resolver: zodResolver(reminderFormSchema),
    defaultValues: {
      actionId,
      reminderAt: reminderAt ? utcToParisLocalInput(new Date(reminderAt)) : "",
      byEmail,
    },
  });

  async function save(values: ReminderFormValues) {
    setFormError(null);
    setSuccess(null);
    let result;
    try {
      result = await setReminderAction(values);
    } catch {
      setFormError(NETWORK_ERROR);
      return;
    }
    if (!result.ok) {
      setFormError(result.error);
      const message = result.fieldErrors.reminderAt?.[0];
      if (message) setError("reminderAt", { message });
      return;
    }
    const saved = result.data.reminderAt ? new Date(result.data.reminderAt) : null;
    reset({ actionId, reminderAt: saved ? utcToParisLocalInput(saved) : "", byEmail: result.data.reminderByEmail });
    setHasReminder(saved !== null);
    setSuccess(saved ? "Rappel enregistré." : "Rappel supprimé.");
    router.refresh();
    onSaved?.(saved);
  }

  const onSubmit = handleSubmit(async (values) => {
    // An empty time is how « Supprimer le rappel » speaks to the server; here it is a mistake.
    if (values.reminderAt === "") {
      setError("reminderAt", { message: MISSING_TIME });
      return;
    }
    await save(values);
  });

  // Not through handleSubmit: a half-typed time must not prevent removing the alarm.
  async function onRemove() {
    clearErrors();
    setRemoving(true);
    try {
      await save({ actionId, reminderAt: "", byEmail: false });
    } finally {
      setRemoving(false);
    }
  }

  const busy = isSubmitting || removing;
  const timeError = errors.reminderAt?.message;

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-3">
      <input type="hidden" {...register("actionId")} />
      <div role="alert" aria-atomic="true">
        {formError ? (
          <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{formError}</p>
        ) : null}
      </div>
      <div role="status" aria-atomic="true">
        {success ? (
          <p className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{success}</p>
        ) : null}
      </div>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <Field id={ids.reminderAt} label="Date et heure du rappel" hint="Heure de Paris." className="sm:w-64">
          <DateTimeInput
            id={ids.reminderAt}
            aria-invalid={timeError ? true : undefined}
            aria-describedby={cn(`${ids.reminderAt}-aide`, timeError && `${ids.reminderAt}-erreur`)}
            {...register("reminderAt")}
          />
          {timeError ? (
            <p id={`${ids.reminderAt}-erreur`} className="text-sm text-red-700">
              {timeError}
            </p>
          ) : null}
        </Field>
        <div className="flex items-center gap-2 sm:pb-7">
          <input
            id={ids.byEmail}
            type="checkbox"
            className="h-4 w-4 rounded border-slate-300 text-brand-600 focus:ring-brand-600"
            {...register("byEmail")}
          />
          <label htmlFor={ids.byEmail} className="text-sm text-slate-700">
            Aussi par e-mail
          </label>
        </div>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm" disabled={busy} aria-busy={isSubmitting}>
          {isSubmitting ? "Enregistrement…" : "Enregistrer le rappel"}
        </Button>
        {hasReminder ? (
          <Button type="button" size="sm" variant="secondary" disabled={busy} aria-busy={removing} onClick={() => void onRemove()}>
            {removing ? "Suppression…" : "Supprimer le rappel"}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
