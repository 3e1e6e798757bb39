"use client";

import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { revokeApiKeyAction } from "@/lib/api-keys/actions";

export function RevokeApiKeyButton({ id, name }: { id: string; name: string }) {
  return (
    <ConfirmActionButton
      label="Révoquer"
      accessibleLabel={`Révoquer la clé ${name}`}
      title={`Révoquer la clé « ${name} » ?`}
      description="Les appels faits avec cette clé seront refusés immédiatement (401). Cette action est définitive : il faudra créer une nouvelle clé."
      confirmLabel="Révoquer la clé"
      pendingLabel="Révocation…"
      action={() => revokeApiKeyAction({ id })}
    />
  );
}
