"use client";

import { RequeueButton } from "@/components/mail/requeue-button";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { dropHeldEmailAction, releaseHeldEmailAction } from "@/lib/mail/actions";

// A message held after a restore: the admin sends it after checking it never left, or drops it.
export function HeldEmailButtons({ id }: { id: string }) {
  return (
    <RequeueButton label="Envoyer quand même" action={() => releaseHeldEmailAction({ id })}>
      <ConfirmActionButton
        label="Abandonner"
        title="Abandonner ce message ?"
        description="Il ne sera pas envoyé. Il reste visible dans la boîte d'envoi, en échec."
        confirmLabel="Abandonner le message"
        pendingLabel="Abandon…"
        action={() => dropHeldEmailAction({ id })}
      />
    </RequeueButton>
  );
}
