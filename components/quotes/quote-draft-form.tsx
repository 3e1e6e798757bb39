"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useId, useMemo, useRef, useState } from "react";
import { useFieldArray, useForm, useWatch, type FieldPath } from "react-hook-form";
import { useRouter } from "next/navigation";
import { QuoteConfirmDialog } from "@/components/quotes/quote-confirm-dialog";
import { QuoteTotalsBlock } from "@/components/quotes/quote-totals";
import { Button } from "@/components/ui/button";
import { DateInput } from "@/components/ui/date-input";
import { controlClasses } from "@/components/ui/field";
import { actionError, type ActionResult } from "@/lib/action-result";
import { cn } from "@/lib/cn";
import { formatEuros } from "@/lib/format";
import { saveQuoteDraftAction, validateQuoteAction } from "@/lib/quotes/actions";
import {
  QUOTE_DESCRIPTION_MAX,
  QUOTE_MAX_LINES,
  saveQuoteDraftSchema,
  VAT_RATE_OPTIONS,
  type QuoteLineInput,
  type SaveQuoteDraftInput,
  type SaveQuoteDraftValues,
} from "@/lib/quotes/schemas";
import { computeQuoteTotals, parseQuantityMilli, parseUnitPriceCents } from "@/lib/quotes/totals";

const NETWORK_ERROR = "Le devis n'a pas pu être enregistré. Vérifiez votre connexion et réessayez.";
const FIX_FIELDS = "Corrigez les champs signalés avant de valider l'offre.";

export const EMPTY_LINE: QuoteLineInput = { description: "", quantity: "1", unitPrice: "", vatRate: "2000" };

type Saved = { quoteId: string | null; version: number | undefined; snapshot: string | null };

type Props = {
  actionId: string;
  quote: { id: string; version: number; validUntil: string; lines: QuoteLineInput[] } | null;
  defaultValidUntil: string;
  // The favourite contact the quote will be e-mailed to, if any.
  recipient: { name: string; email: string | null } | null;
};

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="text-sm text-red-700">
      {message}
    </p>
  ) : null;
}

function snapshotOf(values: Pick<SaveQuoteDraftValues, "validUntil" | "lines">): string {
  return JSON.stringify({ validUntil: values.validUntil, lines: values.lines });
}

// The « Devis » form of a draft: lines, validity, live totals computed by the same functions
// as the server, « Enregistrer le brouillon » and « Valider l'offre » (which saves first).
export function QuoteDraftForm({ actionId, quote, defaultValidUntil, recipient }: Props) {
  const router = useRouter();
  const base = useId();
  const [formError, setFormError] = useState<{ message: string; conflict: boolean } | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const initialValues: SaveQuoteDraftInput = {
    actionId,
    version: quote?.version,
    validUntil: quote?.validUntil ?? defaultValidUntil,
    lines: quote?.lines.length ? quote.lines : [EMPTY_LINE],
  };
  const saved = useRef<Saved>({
    quoteId: quote?.id ?? null,
    version: quote?.version,
    snapshot: quote ? snapshotOf(initialValues) : null,
  });
  const [previewQuoteId, setPreviewQuoteId] = useState(quote?.id ?? null);
  // The save under way, if any: « Valider l'offre » waits for it instead of racing it.
  const saving = useRef<Promise<ActionResult<{ quoteId: string; version: number }>> | null>(null);

  const {
    register,
    control,
    handleSubmit,
    setError,
    clearErrors,
    trigger,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<SaveQuoteDraftInput, unknown, SaveQuoteDraftValues>({
    resolver: zodResolver(saveQuoteDraftSchema),
    defaultValues: initialValues,
  });
  const { fields, append, remove } = useFieldArray({ control, name: "lines" });
  const watchedLines = useWatch({ control, name: "lines" });

  const totals = useMemo(() => {
    const amounts = (watchedLines ?? []).map((line) => {
      // A line still being typed counts for what can be read of it.
      const quantity = parseQuantityMilli(line?.quantity ?? "");
      const price = parseUnitPriceCents(line?.unitPrice ?? "");
      return {
        quantityMilli: quantity.ok ? quantity.value : 0,
        unitPriceCents: price.ok ? price.value : 0,
        vatRateBps: Number(line?.vatRate) || 0,
      };
    });
    return computeQuoteTotals(amounts);
  }, [watchedLines]);

  function showServerErrors(result: { error: string; fieldErrors: Record<string, string[]> }) {
    setFormError({ message: result.error, conflict: /modifié par quelqu'un d'autre/.test(result.error) });
    for (const [field, messages] of Object.entries(result.fieldErrors)) {
      if (field === "lines") setError("lines.root" as FieldPath<SaveQuoteDraftInput>, { message: messages[0] });
      else if (field === "validUntil" || field.startsWith("lines.")) {
        setError(field as FieldPath<SaveQuoteDraftInput>, { message: messages[0] });
      }
    }
  }

  async function persist(values: SaveQuoteDraftValues): Promise<ActionResult<{ quoteId: string; version: number }>> {
    const snapshot = snapshotOf(values);
    const current = saved.current;
    if (current.quoteId && current.version !== undefined && current.snapshot === snapshot) {
      return { ok: true, data: { quoteId: current.quoteId, version: current.version } };
    }
    let result: ActionResult<{ quoteId: string; version: number }>;
    try {
      result = await saveQuoteDraftAction({ ...values, actionId, version: current.version });
    } catch {
      return actionError(NETWORK_ERROR);
    }
    if (result.ok) {
      saved.current = { quoteId: result.data.quoteId, version: result.data.version, snapshot };
      setPreviewQuoteId(result.data.quoteId);
    }
    return result;
  }

  async function onSave(values: SaveQuoteDraftValues) {
    setFormError(null);
    setSuccess(null);
    const pending = persist(values);
    saving.current = pending;
    const result = await pending;
    saving.current = null;
    if (!result.ok) {
      showServerErrors(result);
      return;
    }
    setSuccess("Le brouillon a été enregistré.");
    router.refresh();
  }

  // Saves what is on screen (if it changed), then validates that exact version.
  async function saveThenValidate(): Promise<ActionResult<unknown>> {
    setFormError(null);
    setSuccess(null);
    if (saving.current) await saving.current;
    clearErrors();
    if (!(await trigger())) return actionError(FIX_FIELDS);
    const parsed = saveQuoteDraftSchema.safeParse(getValues());
    if (!parsed.success) return actionError(FIX_FIELDS);
    const savedResult = await persist(parsed.data);
    if (!savedResult.ok) {
      showServerErrors(savedResult);
      return savedResult;
    }
    try {
      return await validateQuoteAction({ quoteId: savedResult.data.quoteId, version: savedResult.data.version });
    } catch {
      return actionError("L'offre n'a pas pu être validée. Vérifiez votre connexion et réessayez.");
    }
  }

  const id = (i: number, field: string) => `${base}-ligne-${i}-${field}`;
  const describedBy = (fieldId: string, hasError: boolean) => (hasError ? `${fieldId}-erreur` : undefined);
  const linesError = errors.lines?.root?.message ?? errors.lines?.message;
  const validityId = `${base}-validite`;
  const recipientText = recipient?.email
    ? `${recipient.name} (${recipient.email})`
    : null;

  return (
    <form
      noValidate
      onSubmit={(event) => void handleSubmit(onSave)(event)}
      className="flex flex-col gap-5"
      aria-label="Devis (brouillon)"
    >
      <div role="alert" aria-atomic="true">
        {formError ? (
          <div className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            <p>{formError.message}</p>
            {formError.conflict ? (
              <button type="button" className="mt-1 font-medium underline" onClick={() => window.location.reload()}>
                Recharger la page
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
      <div role="status" aria-atomic="true">
        {success ? (
          <p className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{success}</p>
        ) : null}
      </div>

      <ol className="flex flex-col gap-4" aria-label="Lignes du devis">
        {fields.map((field, i) => {
          const n = i + 1;
          const lineErrors = errors.lines?.[i];
          const lineTotal = totals.lineTotalsHtCents[i] ?? 0;
          return (
            <li key={field.id} className="rounded-md border border-slate-200 p-3">
              <div className="grid grid-cols-1 gap-3 sm:grid-cols-[minmax(0,1fr)_7rem_9rem_7rem]">
                <div className="flex flex-col gap-1">
                  <label htmlFor={id(i, "designation")} className="text-sm font-medium text-slate-700">
                    Désignation<span className="sr-only"> (ligne {n})</span>
                  </label>
                  <textarea
                    id={id(i, "designation")}
                    rows={2}
                    maxLength={QUOTE_DESCRIPTION_MAX}
                    aria-invalid={lineErrors?.description ? true : undefined}
                    aria-describedby={describedBy(id(i, "designation"), Boolean(lineErrors?.description))}
                    className={cn(controlClasses, "h-auto py-2")}
                    {...register(`lines.${i}.description`)}
                  />
                  <FieldError id={`${id(i, "designation")}-erreur`} message={lineErrors?.description?.message} />
                </div>
                <div className="flex flex-col gap-1">
                  <label htmlFor={id(i, "quantite")} className="text-sm font-medium text-slate-700">
                    Quantité<span className="sr-only"> (ligne {n})</span>
                  </label>
                  <input
                    id={id(i, "quantite")}
                    type="text"
                    inputMode="decimal"
                    autoComplete="off"
                    aria-invalid={lineErrors?.quantity ? true : undefined}
                    aria-describedby={describedBy(id(i, "quantite"), Boolean(lineErrors?.quantity))}
                    className={cn(controlClasses, "text-right tabular-nums")}
                    {...register(`lines.${i}.quantity`)}
                  />
                  <FieldError id={`${id(i, "quantite")}-erreur`} message={lineErrors?.quantity?.message} />
                </div>
                <div className="flex flex-col gap-1">
                  <label htmlFor={id(i, "prix")} className="text-sm font-medium text-slate-700">
                    Prix unitaire HT<span className="sr-only"> (ligne {n})</span>
                  </label>
                  <input
                    id={id(i, "prix")}
                    type="text"
                    inputMode="decimal"
                    autoComplete="off"
                    aria-invalid={lineErrors?.unitPrice ? true : undefined}
                    aria-describedby={describedBy(id(i, "prix"), Boolean(lineErrors?.unitPrice))}
                    className={cn(controlClasses, "text-right tabular-nums")}
                    {...register(`lines.${i}.unitPrice`)}
                  />
                  <FieldError id={`${id(i, "prix")}-erreur`} message={lineErrors?.unitPrice?.message} />
                </div>
                <div className="flex flex-col gap-1">
                  <label htmlFor={id(i, "tva")} className="text-sm font-medium text-slate-700">
                    TVA<span className="sr-only"> (ligne {n})</span>
                  </label>
                  <select
                    id={id(i, "tva")}
                    aria-invalid={lineErrors?.vatRate ? true : undefined}
                    aria-describedby={describedBy(id(i, "tva"), Boolean(lineErrors?.vatRate))}
                    className={cn(controlClasses, "pr-8")}
                    {...register(`lines.${i}.vatRate`)}
                  >
                    {VAT_RATE_OPTIONS.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                  <FieldError id={`${id(i, "tva")}-erreur`} message={lineErrors?.vatRate?.message} />
                </div>
              </div>
              <div className="mt-2 flex items-center justify-between gap-3 text-sm">
                <span className="text-slate-600">
                  Total HT de la ligne {n} : <span className="tabular-nums text-slate-900">{formatEuros(lineTotal)}</span>
                </span>
                <Button
                  variant="ghost"
                  size="sm"
                  onClick={() => remove(i)}
                  disabled={fields.length <= 1}
                  aria-label={`Supprimer la ligne ${n}`}
                >
                  Supprimer
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      <FieldError id={`${base}-lignes-erreur`} message={linesError} />

      <div>
        <Button
          variant="secondary"
          onClick={() => append({ ...EMPTY_LINE, vatRate: getValues(`lines.${fields.length - 1}.vatRate`) ?? "2000" })}
          disabled={fields.length >= QUOTE_MAX_LINES}
        >
          Ajouter une ligne
        </Button>
      </div>

      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="flex flex-col gap-1">
          <label htmlFor={validityId} className="text-sm font-medium text-slate-700">
            Valable jusqu&apos;au
          </label>
          <DateInput
            id={validityId}
            aria-invalid={errors.validUntil ? true : undefined}
            aria-describedby={describedBy(validityId, Boolean(errors.validUntil))}
            className="w-44"
            {...register("validUntil")}
          />
          <FieldError id={`${validityId}-erreur`} message={errors.validUntil?.message} />
        </div>
        <QuoteTotalsBlock totals={totals} live />
      </div>

      <div className="flex flex-wrap items-center gap-2 border-t border-slate-200 pt-4">
        <Button type="submit" variant="secondary" disabled={isSubmitting} aria-busy={isSubmitting}>
          {isSubmitting ? "Enregistrement…" : "Enregistrer le brouillon"}
        </Button>
        <QuoteConfirmDialog
          label="Valider l'offre"
          variant="primary"
          title="Valider l'offre ?"
          description={
            recipientText
              ? `Le devis va recevoir son numéro définitif (DEV-…) et être envoyé par e-mail, avec son PDF, à ${recipientText}. Il ne sera plus modifiable.`
              : "Le devis va recevoir son numéro définitif et être envoyé par e-mail au contact favori du prospect, qui n'a pas encore d'adresse e-mail : complétez-la d'abord dans l'onglet « Contacts » du dossier."
          }
          confirmLabel="Valider l'offre"
          pendingLabel="Envoi…"
          action={saveThenValidate}
        />
        {previewQuoteId ? (
          <a
            href={`/api/quotes/${previewQuoteId}/pdf`}
            className="text-sm font-medium text-brand-700 hover:underline"
          >
            Aperçu PDF (brouillon)
          </a>
        ) : null}
      </div>
    </form>
  );
}
