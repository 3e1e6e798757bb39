"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { linkConnectionAction } from "@/lib/connections/link-actions";

// « Lier au prospect » on a connection's row: network remuneration follows the link.
export function LinkConnectionButton({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Button
        variant="ghost"
        size="sm"
        aria-label={`Lier ${name} au prospect de même SIREN`}
        disabled={pending}
        aria-busy={pending}
        onClick={() =>
          startTransition(async () => {
            setError(null);
            try {
              const result = await linkConnectionAction({ id });
              if (!result.ok) setError(result.error);
              else router.refresh();
            } catch {
              setError("La demande n'a pas abouti. Vérifiez votre connexion et réessayez.");
            }
          })
        }
      >
        {pending ? "Liaison…" : "Lier au prospect"}
      </Button>
      <span role="alert" className="max-w-64 whitespace-normal text-xs text-red-700">
        {error}
      </span>
    </span>
  );
}
