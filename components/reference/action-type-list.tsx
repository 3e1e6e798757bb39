"use client";

import { useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { controlBaseClasses, controlClasses } from "@/components/ui/field";
import { TypeLabel } from "@/components/ui/type-dot";
import { RowControls } from "@/components/reference/row-controls";
import { useReferenceAction } from "@/components/reference/use-reference-action";
import { zodFieldMessages } from "@/components/reference/zod-messages";
import type { ActionCategory } from "@/lib/generated/prisma/enums";
import type { ActionTypeRow } from "@/lib/reference/queries";
import { saveActionTypeAction } from "@/lib/reference/actions";
import { ACTION_CATEGORY_LABELS, actionTypeSchema, type ActionTypeInput } from "@/lib/reference/schemas";
import { closestClash, colorClashMessage, suggestDistinctColor } from "@/lib/calendar/color-distance";

const EMPTY: ActionTypeInput = {
  name: "",
  color: "#2563EB",
  category: "CALL",
  isAppointment: false,
  visibleToPartner: true,
  subjectTemplate: "",
  bodyTemplate: "",
};

function initialOf(row?: ActionTypeRow): ActionTypeInput {
  if (!row) return EMPTY;
  return {
    id: row.id,
    name: row.name,
    color: row.color,
    category: row.category,
    isAppointment: row.isAppointment,
    visibleToPartner: row.visibleToPartner,
    subjectTemplate: row.subjectTemplate ?? "",
    bodyTemplate: row.bodyTemplate ?? "",
  };
}

function ErrorText({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="text-xs font-medium text-red-700">
      {message}
    </p>
  ) : null;
}

function ActionTypeForm({ row, onSaved, others }: { row?: ActionTypeRow; onSaved?: () => void; others: ActionTypeRow[] }) {
  const base = useId();
  const [values, setValues] = useState<ActionTypeInput>(() => initialOf(row));
  const { pending, error, fieldErrors, run, fail } = useReferenceAction();
  const set = <K extends keyof ActionTypeInput>(key: K, value: ActionTypeInput[K]) => setValues((v) => ({ ...v, [key]: value }));
  const err = (key: string) => fieldErrors[key]?.[0];
  const id = (key: string) => `${base}-${key}`;
  const invalid = (key: string) => (err(key) ? { "aria-invalid": true, "aria-describedby": id(`${key}-erreur`) } : {});
  // Said while the colour is picked; the server refuses the same clash on save.
  const calendarNeighbours = others.filter((o) => o.isAppointment && o.active && o.id !== row?.id);
  const clash =
    values.isAppointment && /^#[0-9a-fA-F]{6}$/.test(values.color) ? closestClash(values.color, calendarNeighbours) : null;
  const suggestion = clash ? suggestDistinctColor(calendarNeighbours) : null;

  return (
    <form
      noValidate
      className="grid grid-cols-1 gap-3 sm:grid-cols-2"
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = actionTypeSchema.safeParse(values);
        if (!parsed.success) return fail("Certains champs sont invalides : corrigez-les puis réessayez.", zodFieldMessages(parsed.error));
        run(
          () => saveActionTypeAction(values),
          () => {
            if (!row) setValues(EMPTY);
            onSaved?.();
          },
        );
      }}
    >
      <div className="flex flex-col gap-1">
        <label htmlFor={id("name")} className="text-sm font-medium text-slate-700">
          Nom
        </label>
        <input id={id("name")} value={values.name} maxLength={80} className={controlClasses} {...invalid("name")} onChange={(e) => set("name", e.target.value)} />
        <ErrorText id={id("name-erreur")} message={err("name")} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={id("category")} className="text-sm font-medium text-slate-700">
          Catégorie
        </label>
        <select
          id={id("category")}
          value={values.category}
          className={controlClasses}
          {...invalid("category")}
          onChange={(e) => set("category", e.target.value as ActionCategory)}
        >
          {(Object.entries(ACTION_CATEGORY_LABELS) as [ActionCategory, string][]).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <ErrorText id={id("category-erreur")} message={err("category")} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={id("color")} className="text-sm font-medium text-slate-700">
          Couleur
        </label>
        <div className="flex items-center gap-2">
          <input
            id={id("color")}
            type="color"
            value={/^#[0-9a-fA-F]{6}$/.test(values.color) ? values.color : "#000000"}
            className={`${controlBaseClasses} h-10 w-14 p-1`}
            onChange={(e) => set("color", e.target.value.toUpperCase())}
          />
          <label htmlFor={id("color-text")} className="sr-only">
            Code de la couleur
          </label>
          <input
            id={id("color-text")}
            value={values.color}
            maxLength={7}
            className={`${controlBaseClasses} h-10 w-28 font-mono`}
            {...invalid("color")}
            onChange={(e) => set("color", e.target.value)}
          />
        </div>
        <ErrorText id={id("color-erreur")} message={err("color")} />
        {clash && suggestion && !err("color") ? (
          <p role="status" className="flex flex-wrap items-center gap-2 text-xs text-amber-900">
            {colorClashMessage(clash, suggestion)}
            <button
              type="button"
              className="rounded border border-amber-300 bg-amber-50 px-2 py-0.5 font-medium hover:bg-amber-100"
              onClick={() => set("color", suggestion)}
            >
              Utiliser {suggestion}
            </button>
          </p>
        ) : null}
      </div>
      <label className="flex items-center gap-2 self-end pb-2 text-sm font-medium text-slate-700">
        <input
          type="checkbox"
          checked={values.isAppointment}
          className="h-4 w-4 accent-brand-600"
          onChange={(e) => set("isAppointment", e.target.checked)}
        />
        Rendez-vous (affiché au calendrier)
      </label>
      <label className="flex items-center gap-2 self-end pb-2 text-sm font-medium text-slate-700">
        <input
          type="checkbox"
          checked={values.visibleToPartner ?? true}
          className="h-4 w-4 accent-brand-600"
          onChange={(e) => set("visibleToPartner", e.target.checked)}
        />
        Visible par l&apos;apporteur
      </label>
      <div className="flex flex-col gap-1 sm:col-span-2">
        <label htmlFor={id("subjectTemplate")} className="text-sm font-medium text-slate-700">
          Objet du modèle d&apos;e-mail (facultatif)
        </label>
        <input
          id={id("subjectTemplate")}
          value={values.subjectTemplate}
          maxLength={200}
          className={controlClasses}
          {...invalid("subjectTemplate")}
          onChange={(e) => set("subjectTemplate", e.target.value)}
        />
        <ErrorText id={id("subjectTemplate-erreur")} message={err("subjectTemplate")} />
      </div>
      <div className="flex flex-col gap-1 sm:col-span-2">
        <label htmlFor={id("bodyTemplate")} className="text-sm font-medium text-slate-700">
          Texte du modèle d&apos;e-mail (facultatif)
        </label>
        <textarea
          id={id("bodyTemplate")}
          value={values.bodyTemplate}
          rows={4}
          maxLength={10_000}
          className={`${controlBaseClasses} w-full py-2`}
          {...invalid("bodyTemplate")}
          onChange={(e) => set("bodyTemplate", e.target.value)}
        />
        <ErrorText id={id("bodyTemplate-erreur")} message={err("bodyTemplate")} />
      </div>
      <div className="flex items-center gap-3 sm:col-span-2">
        <Button type="submit" size="sm" disabled={pending}>
          {row ? "Enregistrer" : "Ajouter"}
        </Button>
        {error ? (
          <p role="alert" className="text-sm font-medium text-red-700">
            {error}
          </p>
        ) : null}
      </div>
    </form>
  );
}

export function ActionTypeList({ rows }: { rows: ActionTypeRow[] }) {
  return (
    <div className="flex flex-col">
      <ul className="divide-y divide-slate-100">
        {rows.map((row, index) => (
          <li key={row.id} className="flex flex-col gap-2 px-4 py-3">
            <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
              <div className="flex flex-wrap items-center gap-2">
                <TypeLabel name={row.name} color={row.color} />
                <Badge tone="neutral">{ACTION_CATEGORY_LABELS[row.category]}</Badge>
                {row.isAppointment ? <Badge tone="info">Rendez-vous</Badge> : null}
                {row.visibleToPartner ? null : <Badge tone="neutral">Interne</Badge>}
                {row.active ? null : <Badge tone="warning">Retiré</Badge>}
              </div>
              <RowControls kind="actionType" row={row} isFirst={index === 0} isLast={index === rows.length - 1} />
            </div>
            <details>
              <summary className="cursor-pointer text-sm text-brand-700">Modifier « {row.name} »</summary>
              <div className="pt-3">
                <ActionTypeForm key={`${row.id}:${row.name}:${row.color}:${row.category}`} row={row} others={rows} />
              </div>
            </details>
          </li>
        ))}
      </ul>
      <details className="border-t border-slate-200 px-4 py-3">
        <summary className="cursor-pointer text-sm font-medium text-brand-700">Ajouter un type d&apos;action</summary>
        <div className="pt-3">
          <ActionTypeForm others={rows} />
        </div>
      </details>
    </div>
  );
}
