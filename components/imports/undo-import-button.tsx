"use client";

import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { undoImportAction } from "@/lib/imports/actions";

export function UndoImportButton({ importId, until, created }: { importId: string; until: string; created: number }) {
  return (
    <ConfirmActionButton
      label="Annuler l'import"
      title="Annuler cet import ?"
      description={`Les ${created} dossier(s) créés par cet import seront supprimés, à condition qu'aucun n'ait été modifié depuis. Possible jusqu'au ${until}.`}
      confirmLabel="Supprimer les dossiers importés"
      pendingLabel="Annulation…"
      action={() => undoImportAction(importId)}
    />
  );
}
