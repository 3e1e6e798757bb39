"use client";

import { useRouter } from "next/navigation";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { deleteActionAction } from "@/lib/actions/actions";

// « Supprimer l'action »: the dialog spells out the relink policy; once deleted, the user lands
// where the action was shown from (its chain's previous or next action, its opportunity, or the
// prospect's « Actions » tab), since its own page no longer exists.
export function DeleteActionButton({
  actionId,
  subject,
  inChain,
  leaveTo,
}: {
  actionId: string;
  subject: string;
  inChain: boolean;
  leaveTo: string;
}) {
  const router = useRouter();
  return (
    <ConfirmActionButton
      label="Supprimer l'action"
      accessibleLabel={`Supprimer l'action ${subject}`}
      title="Supprimer cette action ?"
      description={
        inChain
          ? "L'action sera supprimée définitivement. Dans son enchaînement, l'action qui la suit sera rattachée à celle qui la précède, pour que la chaîne reste continue."
          : "L'action sera supprimée définitivement."
      }
      confirmLabel="Supprimer"
      action={async () => {
        const result = await deleteActionAction({ actionId });
        if (result.ok) router.push(leaveTo);
        return result;
      }}
    />
  );
}
