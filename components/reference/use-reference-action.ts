"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult, FieldErrors } from "@/lib/action-result";

const NETWORK_ERROR = "La demande n'a pas abouti. Vérifiez votre connexion et réessayez.";

// Runs one reference-list server action: pending state, French error, page refresh on success.
export function useReferenceAction() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const run = (action: () => Promise<ActionResult<unknown>>, onDone?: () => void) => {
    setError(null);
    setFieldErrors({});
    startTransition(async () => {
      try {
        const result = await action();
        if (!result.ok) {
          setError(result.error);
          setFieldErrors(result.fieldErrors);
          return;
        }
        onDone?.();
        router.refresh();
      } catch {
        setError(NETWORK_ERROR);
      }
    });
  };

  const fail = (message: string, errors: FieldErrors = {}) => {
    setError(message);
    setFieldErrors(errors);
  };

  return { pending, error, fieldErrors, run, fail };
}
