"use client";

import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { removeCampaignActionAction } from "@/lib/campaigns/actions";

export function RemoveCampaignActionButton({ campaignId, actionId, prospectName }: { campaignId: string; actionId: string; prospectName: string }) {
  return (
    <ConfirmActionButton
      label="Retirer"
      accessibleLabel={`Retirer l'action de ${prospectName}`}
      title="Retirer cette action ?"
      description={`« ${prospectName} » ne recevra pas l'e-mail de cette campagne : son action en attente est supprimée.`}
      confirmLabel="Oui, retirer"
      pendingLabel="Retrait…"
      action={() => removeCampaignActionAction({ campaignId, actionId })}
    />
  );
}
