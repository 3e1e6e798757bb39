"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/action-result";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/lib/notifications/actions";

function useActionButton() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const run = (action: () => Promise<ActionResult<unknown>>) => {
    setError(null);
    startTransition(async () => {
      try {
        const result = await action();
        if (!result.ok) setError(result.error);
        else router.refresh();
      } catch {
        setError("La demande n'a pas abouti. Vérifiez votre connexion et réessayez.");
      }
    });
  };
  return { pending, error, run };
}

function ErrorText({ error }: { error: string | null }) {
  return (
    <span role="alert" className="text-xs text-red-700">
      {error}
    </span>
  );
}

export function MarkReadButton({ id, title }: { id: string; title: string }) {
  const { pending, error, run } = useActionButton();
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        variant="ghost"
        size="sm"
        disabled={pending}
        aria-label={`Marquer comme lue : ${title}`}
        onClick={() => run(() => markNotificationReadAction({ id }))}
      >
        {pending ? "…" : "Marquer comme lue"}
      </Button>
      <ErrorText error={error} />
    </span>
  );
}

export function MarkAllReadButton() {
  const { pending, error, run } = useActionButton();
  return (
    <span className="inline-flex items-center gap-2">
      <ErrorText error={error} />
      <Button variant="secondary" disabled={pending} onClick={() => run(() => markAllNotificationsReadAction())}>
        {pending ? "En cours…" : "Tout marquer comme lu"}
      </Button>
    </span>
  );
}
