"use client";

import { Button } from "@/components/ui/button";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { deleteReferenceAction, moveReferenceAction, setReferenceActiveAction } from "@/lib/reference/actions";
import { REFERENCE_KIND_LABELS, type ReferenceKind } from "@/lib/reference/schemas";
import { useReferenceAction } from "@/components/reference/use-reference-action";

// Order, retire / reactivate and delete one value. Only an unused value offers « Supprimer »;
// the server refuses the others anyway.
export function RowControls({
  kind,
  row,
  isFirst,
  isLast,
}: {
  kind: ReferenceKind;
  row: { id: string; name: string; active: boolean; usage: number };
  isFirst: boolean;
  isLast: boolean;
}) {
  const { pending, error, run } = useReferenceAction();
  const ref = { kind, id: row.id };
  const singular = REFERENCE_KIND_LABELS[kind].singular;
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap items-center justify-end gap-1">
        <Button
          variant="ghost"
          size="sm"
          disabled={pending || isFirst}
          aria-label={`Monter « ${row.name} »`}
          onClick={() => run(() => moveReferenceAction({ ...ref, direction: "up" }))}
        >
          ↑
        </Button>
        <Button
          variant="ghost"
          size="sm"
          disabled={pending || isLast}
          aria-label={`Descendre « ${row.name} »`}
          onClick={() => run(() => moveReferenceAction({ ...ref, direction: "down" }))}
        >
          ↓
        </Button>
        <Button
          variant="secondary"
          size="sm"
          disabled={pending}
          aria-label={`${row.active ? "Retirer" : "Réactiver"} « ${row.name} »`}
          onClick={() => run(() => setReferenceActiveAction({ ...ref, active: !row.active }))}
        >
          {row.active ? "Retirer" : "Réactiver"}
        </Button>
        {row.usage === 0 ? (
          <ConfirmActionButton
            label="Supprimer"
            accessibleLabel={`Supprimer « ${row.name} »`}
            title={`Supprimer le ${singular} « ${row.name} » ?`}
            description="Aucune fiche ne l'utilise. La suppression est définitive."
            confirmLabel="Supprimer"
            action={() => deleteReferenceAction(ref)}
          />
        ) : null}
      </div>
      {row.usage > 0 ? (
        <p className="text-xs text-slate-500">
          Utilisé par {row.usage} fiche{row.usage > 1 ? "s" : ""} : peut être retiré, pas supprimé.
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="text-xs font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
