"use client";

// « Modifier les colonnes » (managers): rename, add, reorder and retire the board's columns. A
// column holding opportunities is retired only once the manager picks the column receiving them.
import { useId, useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { controlBaseClasses, controlClasses, Field } from "@/components/ui/field";
import type { ActionResult } from "@/lib/action-result";
import { cn } from "@/lib/cn";
import type { PipelineStageKind } from "@/lib/generated/prisma/enums";
import {
  addPipelineColumnAction,
  movePipelineColumnAction,
  renamePipelineColumnAction,
  retirePipelineColumnAction,
} from "@/lib/pipeline/actions";
import type { EditableColumn } from "@/lib/pipeline/queries";
import { COLUMN_LABEL_MAX, PIPELINE_KIND_LABELS } from "@/lib/pipeline/schemas";

const NETWORK_ERROR = "La modification n'a pas abouti. Vérifiez votre connexion et réessayez.";
const KINDS = Object.entries(PIPELINE_KIND_LABELS) as [PipelineStageKind, string][];

const opportunities = (n: number) => `${n} opportunité${n > 1 ? "s" : ""}`;

export function ColumnEditor({ columns }: { columns: EditableColumn[] }) {
  const base = useId();
  const [open, setOpen] = useState(false);
  const [retiringId, setRetiringId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [addKey, setAddKey] = useState(0);

  const run = (action: () => Promise<ActionResult<unknown>>, done: string, after?: () => void) => {
    setError(null);
    setMessage(null);
    startTransition(async () => {
      try {
        const result = await action();
        if (!result.ok) {
          setError(result.fieldErrors.label?.[0] ?? result.fieldErrors.targetStageId?.[0] ?? result.error);
          return;
        }
        setMessage(done);
        after?.();
      } catch {
        setError(NETWORK_ERROR);
      }
    });
  };

  const rename = (event: FormEvent<HTMLFormElement>, column: EditableColumn) => {
    event.preventDefault();
    const label = String(new FormData(event.currentTarget).get("label") ?? "");
    run(() => renamePipelineColumnAction({ stageId: column.id, label }), `Colonne renommée en « ${label.trim()} ».`);
  };

  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const label = String(data.get("label") ?? "");
    const kind = String(data.get("kind") ?? "") as PipelineStageKind;
    run(() => addPipelineColumnAction({ label, kind }), `Colonne « ${label.trim()} » ajoutée.`, () => setAddKey((k) => k + 1));
  };

  const retire = (event: FormEvent<HTMLFormElement>, column: EditableColumn) => {
    event.preventDefault();
    const targetStageId = String(new FormData(event.currentTarget).get("targetStageId") ?? "");
    run(
      () => retirePipelineColumnAction({ stageId: column.id, targetStageId }),
      `Colonne « ${column.label} » retirée.`,
      () => setRetiringId(null),
    );
  };

  return (
    <div className="flex flex-col gap-3">
      <Button variant="secondary" size="sm" className="w-fit" aria-expanded={open} aria-controls={`${base}-panneau`} onClick={() => setOpen((v) => !v)}>
        Modifier les colonnes
      </Button>
      <div id={`${base}-panneau`} hidden={!open} role="region" aria-label="Modifier les colonnes" aria-busy={pending}>
        <div className="flex flex-col gap-3 rounded-md border border-slate-200 p-3">
          <div role="alert" aria-atomic="true">
            {error ? <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{error}</p> : null}
          </div>
          <div role="status" aria-atomic="true">
            {message ? (
              <p className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{message}</p>
            ) : null}
          </div>
          <ol className="flex flex-col divide-y divide-slate-100">
            {columns.map((column, index) => {
              const inputId = `${base}-libelle-${column.id}`;
              const receivers = columns.filter((c) => c.id !== column.id && c.kind === column.kind);
              return (
                <li key={column.id} className="flex flex-col gap-2 py-2">
                  <div className="flex flex-wrap items-center gap-2">
                    <form key={column.label} onSubmit={(e) => rename(e, column)} className="flex items-center gap-2">
                      <label htmlFor={inputId} className="sr-only">
                        Libellé de la colonne {column.label}
                      </label>
                      <input
                        id={inputId}
                        name="label"
                        defaultValue={column.label}
                        maxLength={COLUMN_LABEL_MAX}
                        className={cn(controlBaseClasses, "h-8 w-52")}
                      />
                      <Button type="submit" variant="secondary" size="sm" disabled={pending} aria-label={`Renommer la colonne ${column.label}`}>
                        Renommer
                      </Button>
                    </form>
                    <span className="text-xs text-slate-600">
                      {PIPELINE_KIND_LABELS[column.kind]} · {opportunities(column.heldCount)}
                    </span>
                    <div className="ml-auto flex gap-1">
                      <Button
                        variant="ghost"
                        size="sm"
                        disabled={pending || index === 0}
                        aria-label={`Monter la colonne ${column.label}`}
                        onClick={() => run(() => movePipelineColumnAction({ stageId: column.id, direction: "up" }), `Colonne « ${column.label} » montée.`)}
                      >
                        Monter
                      </Button>
                      <Button
                        variant="ghost"
                        size="sm"
                        disabled={pending || index === columns.length - 1}
                        aria-label={`Descendre la colonne ${column.label}`}
                        onClick={() =>
                          run(() => movePipelineColumnAction({ stageId: column.id, direction: "down" }), `Colonne « ${column.label} » descendue.`)
                        }
                      >
                        Descendre
                      </Button>
                      <Button
                        variant="ghost"
                        size="sm"
                        className="text-red-700 hover:bg-red-50"
                        disabled={pending}
                        aria-label={`Retirer la colonne ${column.label}`}
                        aria-expanded={retiringId === column.id}
                        onClick={() => setRetiringId(retiringId === column.id ? null : column.id)}
                      >
                        Retirer
                      </Button>
                    </div>
                  </div>
                  {retiringId === column.id ? (
                    <form
                      onSubmit={(e) => retire(e, column)}
                      aria-label={`Retrait de la colonne ${column.label}`}
                      className="flex flex-col gap-2 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm"
                    >
                      {column.heldCount === 0 ? (
                        <p>La colonne « {column.label} » ne contient aucune opportunité : elle disparaîtra du tableau.</p>
                      ) : (
                        <>
                          <p>
                            La colonne « {column.label} » contient {opportunities(column.heldCount)} (toutes périodes). Elles seront déplacées
                            vers la colonne choisie, qui doit être du même genre ({PIPELINE_KIND_LABELS[column.kind].toLowerCase()}).
                          </p>
                          {receivers.length > 0 ? (
                            <Field id={`${base}-cible-${column.id}`} label="Déplacer ses opportunités vers" className="max-w-xs">
                              <select id={`${base}-cible-${column.id}`} name="targetStageId" className={cn(controlClasses, "pr-8")}>
                                {receivers.map((c) => (
                                  <option key={c.id} value={c.id}>
                                    {c.label}
                                  </option>
                                ))}
                              </select>
                            </Field>
                          ) : (
                            <p className="font-medium">
                              Aucune autre colonne « {PIPELINE_KIND_LABELS[column.kind]} » ne peut les recevoir : ajoutez-en une avant de retirer
                              celle-ci.
                            </p>
                          )}
                        </>
                      )}
                      <div className="flex gap-2">
                        <Button type="submit" size="sm" disabled={pending || (column.heldCount > 0 && receivers.length === 0)}>
                          Confirmer le retrait
                        </Button>
                        <Button variant="secondary" size="sm" onClick={() => setRetiringId(null)}>
                          Annuler
                        </Button>
                      </div>
                    </form>
                  ) : null}
                </li>
              );
            })}
          </ol>
          <form key={addKey} onSubmit={add} className="flex flex-wrap items-end gap-2 border-t border-slate-200 pt-3">
            <Field id={`${base}-nouvelle`} label="Libellé de la nouvelle colonne">
              <input id={`${base}-nouvelle`} name="label" maxLength={COLUMN_LABEL_MAX} className={cn(controlBaseClasses, "h-9 w-56")} />
            </Field>
            <Field id={`${base}-genre`} label="Genre de la colonne">
              <select id={`${base}-genre`} name="kind" defaultValue="IN_PROGRESS" className={cn(controlBaseClasses, "h-9 pr-8")}>
                {KINDS.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </Field>
            <Button type="submit" size="sm" className="h-9" disabled={pending}>
              Ajouter une colonne
            </Button>
          </form>
        </div>
      </div>
    </div>
  );
}
