"use client";

import { useEffect } from "react";
import { Button } from "@/components/ui/button";

// Outside the signed-in shell (sign-in, client onboarding, unsubscribe): the same French
// message as inside it, without links the visitor may not use.
export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error ? String((error as Error & { digest?: string }).digest ?? "") : "";
  return (
    <main id="contenu" role="alert" className="mx-auto flex max-w-xl flex-col items-center px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Une erreur est survenue</h1>
      <p className="mt-3 text-sm text-slate-600">
        La page n’a pas pu être affichée. Réessayez dans un instant ; si le problème persiste, contactez votre
        interlocuteur.
      </p>
      {digest ? <p className="mt-2 text-xs text-slate-500">Référence : {digest}</p> : null}
      <Button className="mt-6" onClick={() => retry()}>
        Réessayer
      </Button>
    </main>
  );
}
