"use client";

// One click that runs a campaign step on the server (steps 3 and 4), then shows where it led.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/action-result";

export function StepActionButton({
  campaignId,
  action,
  label,
  pendingLabel,
  nextHref,
  disabled = false,
}: {
  campaignId: string;
  action: (input: { campaignId: string }) => Promise<ActionResult<unknown>>;
  label: string;
  pendingLabel: string;
  nextHref: string;
  disabled?: boolean;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const run = () => {
    setError(null);
    startTransition(async () => {
      try {
        const result = await action({ campaignId });
        if (!result.ok) {
          setError(result.error);
          return;
        }
        router.push(nextHref);
        router.refresh();
      } catch {
        setError("La demande n'a pas abouti. Vérifiez votre connexion et réessayez.");
      }
    });
  };

  return (
    <div className="flex flex-col gap-3">
      <div role="alert" aria-atomic="true">
        {error ? <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{error}</p> : null}
      </div>
      <div>
        <Button onClick={run} disabled={pending || disabled} aria-busy={pending}>
          {pending ? pendingLabel : label}
        </Button>
      </div>
    </div>
  );
}
