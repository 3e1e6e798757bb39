"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useId, useRef, useState, useTransition } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { useRouter } from "next/navigation";
import { describedBy, FieldError, FormMessages, NETWORK_ERROR } from "@/components/actions/form-messages";
import { Button } from "@/components/ui/button";
import { DateTimeInput } from "@/components/ui/date-time-input";
import { controlClasses, Field, SelectInput } from "@/components/ui/field";
import { completeActionAction, reopenActionAction } from "@/lib/actions/actions";
import type { ActionTypeOption, AssigneeOption } from "@/lib/actions/queries";
import { completeActionSchema, type CompleteActionInput, type CompleteActionValues } from "@/lib/actions/schemas";
import { cn } from "@/lib/cn";

type Mode = "idle" | "completing" | "confirmReopen";

type Props = {
  actionId: string;
  done: boolean;
  outcome: string | null;
  hasFollowUp: boolean;
  // « Enchaîner une action » pre-filled: same type, subject and person in charge, a week later.
  nextDefaults: { typeId: string; subject: string; assigneeId: string; scheduledAt: string };
  typeOptions: ActionTypeOption[];
  assigneeOptions: AssigneeOption[];
};

const NEXT_FIELDS = ["typeId", "subject", "assigneeId", "scheduledAt", "notes"] as const;

// The « Fait » box. Ticking it opens the completion form (« Résultat », then « Enchaîner une
// action », ticked by default unless the action already has a follow-up); unticking a done
// action asks before reopening it.
export function ActionCompletion({ actionId, done, outcome, hasFollowUp, nextDefaults, typeOptions, assigneeOptions }: Props) {
  const router = useRouter();
  const [mode, setMode] = useState<Mode>("idle");
  const [chain, setChain] = useState(!hasFollowUp);
  const chainRef = useRef(chain);
  const [formError, setFormError] = useState<string | null>(null);
  const [success, setSuccess] = useState<{ text: string; nextId: string | null } | null>(null);
  const [reopening, startReopen] = useTransition();
  const base = useId();
  const ids = {
    done: `${base}-fait`,
    outcome: `${base}-resultat`,
    chain: `${base}-enchainer`,
    typeId: `${base}-type`,
    subject: `${base}-objet`,
    assigneeId: `${base}-responsable`,
    scheduledAt: `${base}-date`,
    notes: `${base}-note`,
  };

  // The follow-up is validated only when « Enchaîner une action » is ticked.
  const schemaResolver = zodResolver(completeActionSchema) as Resolver<CompleteActionInput, unknown, CompleteActionValues>;
  const resolver: Resolver<CompleteActionInput, unknown, CompleteActionValues> = (values, context, options) =>
    schemaResolver(chainRef.current && !hasFollowUp ? values : { ...values, next: undefined }, context, options);

  const {
    register,
    handleSubmit,
    setError,
    clearErrors,
    formState: { errors, isSubmitting },
  } = useForm<CompleteActionInput, unknown, CompleteActionValues>({
    resolver,
    defaultValues: { actionId, outcome: outcome ?? "", next: { ...nextDefaults, notes: "" } },
  });

  const toggleChain = (value: boolean) => {
    chainRef.current = value;
    setChain(value);
    if (!value) clearErrors("next");
  };

  const checked = done ? mode !== "confirmReopen" : mode === "completing";
  const onDoneChange = (value: boolean) => {
    setFormError(null);
    setSuccess(null);
    if (done) setMode(value ? "idle" : "confirmReopen");
    else setMode(value ? "completing" : "idle");
  };

  async function onSubmit(values: CompleteActionValues) {
    setFormError(null);
    let result;
    try {
      result = await completeActionAction(values);
    } catch {
      setFormError(NETWORK_ERROR);
      return;
    }
    if (!result.ok) {
      setFormError(result.error);
      for (const [field, messages] of Object.entries(result.fieldErrors)) {
        const name = field.startsWith("next.") ? field.slice(5) : field;
        if (field === "outcome" || (field.startsWith("next.") && (NEXT_FIELDS as readonly string[]).includes(name))) {
          setError(field as "outcome", { message: messages[0] });
        }
      }
      return;
    }
    setMode("idle");
    setSuccess({
      text: result.data.nextActionId ? "Action faite. L'action suivante a été créée." : "Action faite.",
      nextId: result.data.nextActionId,
    });
    router.refresh();
  }

  function reopen() {
    setFormError(null);
    startReopen(async () => {
      let result;
      try {
        result = await reopenActionAction({ actionId });
      } catch {
        setFormError(NETWORK_ERROR);
        return;
      }
      if (!result.ok) {
        setFormError(result.error);
        return;
      }
      setMode("idle");
      setSuccess({ text: "L'action est de nouveau à faire.", nextId: null });
      router.refresh();
    });
  }

  const nextError = (field: (typeof NEXT_FIELDS)[number]) => errors.next?.[field]?.message;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex items-center gap-2">
        <input
          id={ids.done}
          type="checkbox"
          checked={checked}
          onChange={(event) => onDoneChange(event.target.checked)}
          aria-controls={`${base}-suite`}
          className="h-5 w-5 rounded border-slate-300 text-brand-600 focus-visible:outline-2 focus-visible:outline-brand-600"
        />
        <label htmlFor={ids.done} className="text-sm font-semibold text-slate-900">
          Fait
        </label>
      </div>

      <FormMessages
        error={mode === "idle" ? formError : null}
        success={
          success ? (
            <span className="flex flex-wrap items-center gap-2">
              {success.text}
              {success.nextId ? (
                <Link href={`/actions/${success.nextId}`} className="font-medium underline">
                  Ouvrir la nouvelle action
                </Link>
              ) : null}
            </span>
          ) : null
        }
      />

      <div id={`${base}-suite`}>
        {mode === "confirmReopen" ? (
          <div role="group" aria-labelledby={`${base}-rouvrir`} className="flex flex-col gap-3 rounded-md border border-amber-200 bg-amber-50 p-4">
            <p id={`${base}-rouvrir`} className="text-sm text-amber-900">
              Rouvrir cette action ? Elle repassera « à faire » ; son résultat et l&apos;action qui la suit sont conservés.
            </p>
            <FormMessages error={formError} />
            <div className="flex flex-wrap gap-2">
              <Button onClick={reopen} disabled={reopening} aria-busy={reopening}>
                {reopening ? "Enregistrement…" : "Rouvrir l'action"}
              </Button>
              <Button variant="secondary" onClick={() => setMode("idle")} disabled={reopening}>
                Annuler
              </Button>
            </div>
          </div>
        ) : null}

        {mode === "completing" ? (
          <form noValidate onSubmit={handleSubmit(onSubmit)} aria-label="Terminer l'action" className="flex flex-col gap-4 rounded-md border border-slate-200 p-4">
            <FormMessages error={formError} />
            <input type="hidden" {...register("actionId")} />
            <Field id={ids.outcome} label="Résultat">
              <textarea
                id={ids.outcome}
                rows={3}
                autoFocus
                aria-invalid={errors.outcome ? true : undefined}
                aria-describedby={describedBy(ids.outcome, Boolean(errors.outcome))}
                className={cn(controlClasses, "h-auto py-2")}
                {...register("outcome")}
              />
              <FieldError id={`${ids.outcome}-erreur`} message={errors.outcome?.message} />
            </Field>

            {hasFollowUp ? (
              <p className="text-sm text-slate-600">Cette action a déjà une suite : aucune autre ne peut y être enchaînée.</p>
            ) : (
              <>
                <div className="flex items-center gap-2">
                  <input
                    id={ids.chain}
                    type="checkbox"
                    checked={chain}
                    onChange={(event) => toggleChain(event.target.checked)}
                    className="h-4 w-4 rounded border-slate-300"
                  />
                  <label htmlFor={ids.chain} className="text-sm font-medium text-slate-800">
                    Enchaîner une action
                  </label>
                </div>
                {chain ? (
                  <fieldset className="flex flex-col gap-4 rounded-md border border-slate-200 p-3">
                    <legend className="px-1 text-sm font-semibold text-slate-900">Action suivante</legend>
                    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
                      <SelectInput
                        id={ids.typeId}
                        label="Type"
                        options={typeOptions.map((t) => ({ value: t.id, label: t.name }))}
                        error={nextError("typeId")}
                        {...register("next.typeId")}
                      />
                      <Field id={ids.scheduledAt} label="Date et heure" hint="Heure de Paris.">
                        <DateTimeInput
                          id={ids.scheduledAt}
                          aria-invalid={nextError("scheduledAt") ? true : undefined}
                          aria-describedby={describedBy(ids.scheduledAt, Boolean(nextError("scheduledAt")), `${ids.scheduledAt}-aide`)}
                          {...register("next.scheduledAt")}
                        />
                        <FieldError id={`${ids.scheduledAt}-erreur`} message={nextError("scheduledAt")} />
                      </Field>
                    </div>
                    <Field id={ids.subject} label="Objet">
                      <input
                        id={ids.subject}
                        type="text"
                        maxLength={200}
                        aria-invalid={nextError("subject") ? true : undefined}
                        aria-describedby={describedBy(ids.subject, Boolean(nextError("subject")))}
                        className={controlClasses}
                        {...register("next.subject")}
                      />
                      <FieldError id={`${ids.subject}-erreur`} message={nextError("subject")} />
                    </Field>
                    <SelectInput
                      id={ids.assigneeId}
                      label="Responsable"
                      options={assigneeOptions}
                      error={nextError("assigneeId")}
                      {...register("next.assigneeId")}
                    />
                    <Field id={ids.notes} label="Note (facultative)">
                      <textarea
                        id={ids.notes}
                        rows={2}
                        aria-invalid={nextError("notes") ? true : undefined}
                        aria-describedby={describedBy(ids.notes, Boolean(nextError("notes")))}
                        className={cn(controlClasses, "h-auto py-2")}
                        {...register("next.notes")}
                      />
                      <FieldError id={`${ids.notes}-erreur`} message={nextError("notes")} />
                    </Field>
                  </fieldset>
                ) : null}
              </>
            )}

            <div className="flex flex-wrap gap-2">
              <Button type="submit" disabled={isSubmitting} aria-busy={isSubmitting}>
                {isSubmitting ? "Enregistrement…" : "Enregistrer"}
              </Button>
              <Button variant="secondary" onClick={() => setMode("idle")} disabled={isSubmitting}>
                Annuler
              </Button>
            </div>
          </form>
        ) : null}
      </div>
    </div>
  );
}
