"use client";

import { useEffect } from "react";
import Link from "next/link";
import { Button, buttonClasses } from "@/components/ui/button";

export default function AppError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  const digest = error instanceof Error && "digest" in error ? String((error as Error & { digest?: string }).digest ?? "") : "";

  return (
    <div role="alert" className="mx-auto flex max-w-xl flex-col items-center py-16 text-center">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Une erreur est survenue</h1>
      <p className="mt-3 text-sm text-slate-600">
        La page n’a pas pu être affichée. Réessayez dans un instant ; si le problème persiste, contactez
        l’administrateur.
      </p>
      {digest ? <p className="mt-2 text-xs text-slate-500">Référence : {digest}</p> : null}
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        <Button onClick={() => retry()}>Réessayer</Button>
        <Link href="/" className={buttonClasses("secondary")}>
          Retour au tableau de bord
        </Link>
      </div>
    </div>
  );
}
