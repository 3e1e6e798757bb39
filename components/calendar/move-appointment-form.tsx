"use client";

// « Déplacer »: the keyboard way to do what drag and drop does — a new start, same duration.
import { zodResolver } from "@hookform/resolvers/zod";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { DateTimeInput } from "@/components/ui/date-time-input";
import { Field } from "@/components/ui/field";
import type { ActionResult } from "@/lib/action-result";
import { moveAppointmentSchema, type MoveAppointmentInput, type MoveAppointmentValues } from "@/lib/calendar/schemas";
import { cn } from "@/lib/cn";

export function MoveAppointmentForm({
  actionId,
  startLocal,
  durationMinutes,
  move,
  onCancel,
}: {
  actionId: string;
  startLocal: string;
  durationMinutes: number;
  move: (input: MoveAppointmentInput) => Promise<ActionResult<unknown>>;
  onCancel: () => void;
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const id = `${useId()}-nouveau-debut`;
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<MoveAppointmentInput, unknown, MoveAppointmentValues>({
    resolver: zodResolver(moveAppointmentSchema),
    defaultValues: { actionId, startAt: startLocal },
  });

  async function onSubmit(values: MoveAppointmentValues) {
    setFormError(null);
    const result = await move(values);
    if (!result.ok) {
      setFormError(result.error);
      const message = result.fieldErrors.startAt?.[0];
      if (message) setError("startAt", { message });
    }
  }

  const hours = Math.floor(durationMinutes / 60);
  const minutes = durationMinutes % 60;
  const duration = [hours ? `${hours} h` : "", minutes ? `${minutes} min` : ""].filter(Boolean).join(" ") || "0 min";

  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="flex flex-col gap-4">
      <div role="alert" aria-atomic="true">
        {formError ? (
          <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{formError}</p>
        ) : null}
      </div>
      <input type="hidden" {...register("actionId")} />
      <Field id={id} label="Nouveau début" hint={`Heure de Paris. La durée (${duration}) est conservée.`}>
        <DateTimeInput
          id={id}
          aria-invalid={errors.startAt ? true : undefined}
          aria-describedby={cn(`${id}-aide`, errors.startAt && `${id}-erreur`)}
          {...register("startAt")}
        />
        {errors.startAt?.message ? (
          <p id={`${id}-erreur`} className="text-sm text-red-700">
            {errors.startAt.message}
          </p>
        ) : null}
      </Field>
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={onCancel} disabled={isSubmitting}>
          Annuler
        </Button>
        <Button type="submit" disabled={isSubmitting} aria-busy={isSubmitting}>
          {isSubmitting ? "Déplacement…" : "Déplacer le rendez-vous"}
        </Button>
      </div>
    </form>
  );
}
