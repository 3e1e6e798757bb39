"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { dropHeldEmailAction, releaseHeldEmailAction } from "@/lib/mail/actions";

// A message held after a restore: the admin sends it after checking it never left, or drops it.
export function HeldEmailButtons({ id }: { id: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex gap-2">
        <Button
          disabled={pending}
          onClick={() => {
            setMessage(null);
            startTransition(async () => {
              try {
                const result = await releaseHeldEmailAction({ id });
                if (!result.ok) setMessage({ ok: false, text: result.error });
                else {
                  setMessage({ ok: true, text: "Message remis en file d'envoi." });
                  router.refresh();
                }
              } catch {
                setMessage({ ok: false, text: "La demande n'a pas abouti. Vérifiez votre connexion et réessayez." });
              }
            });
          }}
        >
          {pending ? "Envoi…" : "Envoyer quand même"}
        </Button>
        <ConfirmActionButton
          label="Abandonner"
          title="Abandonner ce message ?"
          description="Il ne sera pas envoyé. Il reste visible dans la boîte d'envoi, en échec."
          confirmLabel="Abandonner le message"
          pendingLabel="Abandon…"
          action={() => dropHeldEmailAction({ id })}
        />
      </div>
      <p role="status" className={message?.ok ? "text-sm text-emerald-700" : "text-sm text-red-700"}>
        {message?.text}
      </p>
    </div>
  );
}
