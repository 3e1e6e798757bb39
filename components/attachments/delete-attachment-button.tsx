"use client";

import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { deleteAttachmentAction } from "@/lib/attachments/actions";

export function DeleteAttachmentButton({ id, fileName }: { id: string; fileName: string }) {
  return (
    <ConfirmActionButton
      label="Supprimer"
      accessibleLabel={`Supprimer le document ${fileName}`}
      title="Supprimer ce document ?"
      description={`« ${fileName} » sera définitivement supprimé des pièces jointes. Cette action est irréversible.`}
      confirmLabel="Oui, supprimer"
      action={() => deleteAttachmentAction({ id })}
    />
  );
}
