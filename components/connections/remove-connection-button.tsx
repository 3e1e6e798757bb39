"use client";

import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { removeConnectionAction } from "@/lib/connections/actions";

export function RemoveConnectionButton({ id, name }: { id: string; name: string }) {
  return (
    <ConfirmActionButton
      label="Retirer"
      accessibleLabel={`Retirer la connexion ${name}`}
      title="Retirer cette connexion ?"
      description={`« ${name} » ne figurera plus parmi les connexions enregistrées de ce client. Les factures éventuelles restent affichées.`}
      confirmLabel="Oui, retirer"
      pendingLabel="Retrait…"
      action={() => removeConnectionAction({ id })}
    />
  );
}
