"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/action-result";

// Puts an outbox message back in the send queue (resend after a failure, release after a
// restore), with its outcome read out under the buttons; `children` sits beside it.
export function RequeueButton({
  label,
  action,
  children,
}: {
  label: string;
  action: () => Promise<ActionResult<unknown>>;
  children?: ReactNode;
}) {
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
                const result = await action();
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
          {pending ? "Envoi…" : label}
        </Button>
        {children}
      </div>
      <p role="status" className={message?.ok ? "text-sm text-emerald-700" : "text-sm text-red-700"}>
        {message?.text}
      </p>
    </div>
  );
}
