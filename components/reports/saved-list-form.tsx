"use client";

// « Listes sur mesure » creation: name, object, columns (from the whitelist) and filters.
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { DateInput } from "@/components/ui/date-input";
import { controlClasses, Field } from "@/components/ui/field";
import { cn } from "@/lib/cn";
import { submitAction } from "@/lib/forms/submit-action";
import type { SavedListEntity } from "@/lib/generated/prisma/enums";
import { OPPORTUNITY_STATUS_LABELS } from "@/lib/opportunities/labels";
import type { ReferenceOption } from "@/lib/prospects/internal-options";
import { PROSPECT_STAGE_LABELS, PROSPECT_STATUS_LABELS } from "@/lib/prospects/labels";
import { createSavedListAction } from "@/lib/reports/actions";
import type { SavedListFormOptions } from "@/lib/reports/options";
import { DEFAULT_LIST_COLUMNS, LIST_COLUMNS, SAVED_LIST_ENTITIES, SAVED_LIST_ENTITY_LABELS, type ListColumn } from "@/lib/reports/list-columns";
import {
  createSavedListSchema,
  EMPTY_SAVED_LIST_FILTERS,
  SAVED_LIST_NAME_MAX,
  type CreateSavedListInput,
  type CreateSavedListValues,
} from "@/lib/reports/saved-list-schemas";

const NETWORK_ERROR = "La liste n'a pas pu être enregistrée. Vérifiez votre connexion et réessayez.";

const PERIOD_HINTS: Record<SavedListEntity, string> = {
  PROSPECT: "Date de création du prospect (heure de Paris).",
  ACTION: "Échéance de l'action (heure de Paris).",
  OPPORTUNITY: "Date de création de l'opportunité (heure de Paris).",
};

const OWNER_LABELS: Record<SavedListEntity, string> = {
  PROSPECT: "Commercial",
  ACTION: "Responsable de l'action",
  OPPORTUNITY: "Commercial",
};

const toOptions = (labels: Record<string, string>): ReferenceOption[] => Object.entries(labels).map(([value, label]) => ({ value, label }));

function ErrorText({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="text-sm text-red-700">
      {message}
    </p>
  ) : null;
}

export function SavedListForm({ options }: { options: SavedListFormOptions }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);
  const {
    register,
    handleSubmit,
    setValue,
    setError,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<CreateSavedListInput, unknown, CreateSavedListValues>({
    resolver: zodResolver(createSavedListSchema),
    defaultValues: { name: "", entity: "PROSPECT", columns: [...DEFAULT_LIST_COLUMNS.PROSPECT], filters: EMPTY_SAVED_LIST_FILTERS },
  });
  const entity = watch("entity") as SavedListEntity;

  async function onSubmit(values: CreateSavedListValues) {
    setFormError(null);
    const saved = await submitAction(() => createSavedListAction(values), {
      fields: ["name", "columns", "entity"],
      setError,
      setFormError,
      networkError: NETWORK_ERROR,
    });
    if (!saved) return;
    setLeaving(true);
    router.push(`/rapports/listes/${saved.data.id}`);
  }

  const select = (id: string, label: string, name: `filters.${keyof CreateSavedListInput["filters"]}`, all: string, choices: ReferenceOption[]) => (
    <Field id={id} label={label}>
      <select id={id} className={cn(controlClasses, "pr-8")} {...register(name)}>
        <option value="">{all}</option>
        {choices.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
  const filterError = errors.filters?.from?.message ?? errors.filters?.to?.message;

  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="flex flex-col gap-6">
      <div role="alert" aria-atomic="true">
        {formError ? <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{formError}</p> : null}
      </div>

      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field id="liste-nom" label="Nom de la liste">
          <input
            id="liste-nom"
            type="text"
            maxLength={SAVED_LIST_NAME_MAX}
            autoComplete="off"
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? "liste-nom-erreur" : undefined}
            className={controlClasses}
            {...register("name")}
          />
          <ErrorText id="liste-nom-erreur" message={errors.name?.message} />
        </Field>
        <Field id="liste-objet" label="Objet">
          <select
            id="liste-objet"
            className={cn(controlClasses, "pr-8")}
            {...register("entity", {
              // Another object has other columns: start from its usual ones.
              onChange: (event) => setValue("columns", [...DEFAULT_LIST_COLUMNS[event.target.value as SavedListEntity]]),
            })}
          >
            {SAVED_LIST_ENTITIES.map((e) => (
              <option key={e} value={e}>
                {SAVED_LIST_ENTITY_LABELS[e]}
              </option>
            ))}
          </select>
        </Field>
      </div>

      <fieldset aria-describedby={errors.columns ? "liste-colonnes-erreur" : undefined} className="flex flex-col gap-2">
        <legend className="text-sm font-medium text-slate-700">Colonnes</legend>
        <ul className="grid grid-cols-1 gap-x-4 gap-y-2 sm:grid-cols-2 lg:grid-cols-3">
          {(LIST_COLUMNS[entity] as readonly ListColumn[]).map((c) => (
            <li key={`${entity}-${c.key}`}>
              <label className="flex items-center gap-2 text-sm text-slate-700">
                <input type="checkbox" value={c.key} className="h-4 w-4 accent-brand-600" {...register("columns")} />
                {c.label}
              </label>
            </li>
          ))}
        </ul>
        <ErrorText id="liste-colonnes-erreur" message={errors.columns?.message ?? errors.columns?.root?.message} />
      </fieldset>

      <fieldset className="flex flex-col gap-3">
        <legend className="text-sm font-medium text-slate-700">Filtres</legend>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Field id="liste-du" label="Du" hint={PERIOD_HINTS[entity]}>
            <DateInput id="liste-du" aria-describedby="liste-du-aide" {...register("filters.from")} />
          </Field>
          <Field id="liste-au" label="Au">
            <DateInput id="liste-au" {...register("filters.to")} />
          </Field>
          {select("liste-representant", OWNER_LABELS[entity], "filters.owner", entity === "ACTION" ? "Tous les responsables" : "Tous les commerciaux", options.owners)}
          {select("liste-partenaire", "Partenaire", "filters.partner", "Tous les partenaires", options.partners)}
          {select("liste-origine", "Origine", "filters.origin", "Toutes les origines", options.origins)}
          {select("liste-type", "Type de prospect", "filters.type", "Tous les types", options.types)}
          {entity === "PROSPECT" ? (
            <>
              {select("liste-statut", "Statut", "filters.status", "Tous les statuts", toOptions(PROSPECT_STATUS_LABELS))}
              {select("liste-etape", "Étape", "filters.stage", "Toutes les étapes", toOptions(PROSPECT_STAGE_LABELS))}
            </>
          ) : null}
          {entity === "ACTION" ? (
            <>
              {select("liste-etat", "État", "filters.done", "Toutes les actions", [
                { value: "done", label: "Faites" },
                { value: "notDone", label: "Non faites" },
              ])}
              {select("liste-type-action", "Type d'action", "filters.actionType", "Tous les types d'action", options.actionTypes)}
            </>
          ) : null}
          {entity === "OPPORTUNITY"
            ? select("liste-statut-opportunite", "Statut de l'opportunité", "filters.opportunityStatus", "Tous les statuts", toOptions(OPPORTUNITY_STATUS_LABELS))
            : null}
        </div>
        <ErrorText id="liste-periode-erreur" message={filterError} />
      </fieldset>

      <div>
        <Button type="submit" disabled={isSubmitting || leaving} aria-busy={isSubmitting || leaving || undefined}>
          {isSubmitting || leaving ? "Enregistrement…" : "Enregistrer la liste"}
        </Button>
      </div>
    </form>
  );
}
