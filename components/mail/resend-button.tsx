"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { resendOutboxEmailAction } from "@/lib/mail/actions";

export function ResendButton({ id }: { id: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <div className="flex flex-col items-end gap-2">
      <Button
        disabled={pending}
        onClick={() => {
          setMessage(null);
          startTransition(async () => {
            try {
              const result = await resendOutboxEmailAction({ id });
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
        {pending ? "Envoi…" : "Renvoyer"}
      </Button>
      <p role="status" className={message?.ok ? "text-sm text-emerald-700" : "text-sm text-red-700"}>
        {message?.text}
      </p>
    </div>
  );
}
