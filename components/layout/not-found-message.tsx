import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

// Shared by the root 404 and the one rendered inside the app shell.
export function NotFoundMessage() {
  return (
    <div className="mx-auto flex min-h-[50vh] max-w-xl flex-col items-center justify-center py-16 text-center">
      <p className="text-sm font-semibold text-brand-700">Erreur 404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">Page introuvable</h1>
      <p className="mt-3 text-sm text-slate-600">La page demandée n’existe pas ou vous n’y avez pas accès.</p>
      <Link href="/" className={buttonClasses("primary", "md", "mt-6")}>
        Retour au tableau de bord
      </Link>
    </div>
  );
}
