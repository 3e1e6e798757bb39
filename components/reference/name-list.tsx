"use client";

import { useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { controlClasses } from "@/components/ui/field";
import { RowControls } from "@/components/reference/row-controls";
import { useReferenceAction } from "@/components/reference/use-reference-action";
import type { ReferenceRow } from "@/lib/reference/queries";
import { saveReferenceNameAction } from "@/lib/reference/actions";
import { referenceNameSchema, REFERENCE_KIND_LABELS } from "@/lib/reference/schemas";

type Kind = "prospectType" | "origin";

// One name, checked in the browser with the action's own schema before it is sent.
function NameForm({ kind, row, submitLabel }: { kind: Kind; row?: ReferenceRow; submitLabel: string }) {
  const inputId = useId();
  const [name, setName] = useState(row?.name ?? "");
  const { pending, error, fieldErrors, run, fail } = useReferenceAction();
  const message = fieldErrors.name?.[0] ?? error;
  const label = row ? `Nom de « ${row.name} »` : REFERENCE_KIND_LABELS[kind].newLabel;
  return (
    <form
      noValidate
      className="flex flex-col gap-1"
      onSubmit={(event) => {
        event.preventDefault();
        const input = { kind, id: row?.id, name };
        const parsed = referenceNameSchema.safeParse(input);
        if (!parsed.success) return fail(parsed.error.issues[0]?.message ?? "Nom invalide.");
        run(() => saveReferenceNameAction(input), row ? undefined : () => setName(""));
      }}
    >
      <div className="flex items-center gap-2">
        <label htmlFor={inputId} className="sr-only">
          {label}
        </label>
        <input
          id={inputId}
          value={name}
          maxLength={80}
          aria-invalid={message ? true : undefined}
          placeholder={row ? undefined : label}
          className={controlClasses}
          onChange={(event) => setName(event.target.value)}
        />
        <Button type="submit" variant={row ? "secondary" : "primary"} size="sm" disabled={pending || (row !== undefined && name === row.name)}>
          {submitLabel}
        </Button>
      </div>
      {message ? (
        <p role="alert" className="text-xs font-medium text-red-700">
          {message}
        </p>
      ) : null}
    </form>
  );
}

export function ReferenceNameList({ kind, rows }: { kind: Kind; rows: ReferenceRow[] }) {
  return (
    <div className="flex flex-col">
      {rows.length === 0 ? <p className="px-4 py-3 text-sm text-slate-500">Aucune valeur pour l&apos;instant.</p> : null}
      <ul className="divide-y divide-slate-100">
        {rows.map((row, index) => (
          <li key={row.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-start sm:justify-between">
            <div className="flex flex-1 items-start gap-2">
              <div className="flex-1">
                <NameForm kind={kind} row={row} submitLabel="Renommer" />
              </div>
              {row.active ? null : <Badge tone="warning">Retiré</Badge>}
            </div>
            <RowControls kind={kind} row={row} isFirst={index === 0} isLast={index === rows.length - 1} />
          </li>
        ))}
      </ul>
      <div className="border-t border-slate-200 px-4 py-3">
        <NameForm kind={kind} submitLabel="Ajouter" />
      </div>
    </div>
  );
}
