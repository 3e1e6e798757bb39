"use client";

// A button that runs a non-destructive server action (reactivate, resend…), then refreshes the
// page; its error or success message is announced next to it.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import type { ActionResult } from "@/lib/action-result";

export function ActionButton({
  label,
  pendingLabel,
  successMessage,
  variant = "secondary",
  action,
}: {
  label: string;
  pendingLabel: string;
  successMessage?: string;
  variant?: ButtonVariant;
  action: () => Promise<ActionResult<unknown>>;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button
        variant={variant}
        size="sm"
        disabled={pending}
        aria-busy={pending}
        onClick={() => {
          setMessage(null);
          startTransition(async () => {
            try {
              const result = await action();
              if (!result.ok) setMessage({ ok: false, text: result.error });
              else {
                if (successMessage) setMessage({ ok: true, text: successMessage });
                router.refresh();
              }
            } catch {
              setMessage({ ok: false, text: "La demande n'a pas abouti. Vérifiez votre connexion et réessayez." });
            }
          });
        }}
      >
        {pending ? pendingLabel : label}
      </Button>
      <span role="status" aria-atomic="true" className={message?.ok ? "text-sm text-emerald-700" : "text-sm text-red-700"}>
        {message?.text}
      </span>
    </span>
  );
}
