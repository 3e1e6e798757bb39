import type { Metadata } from "next";

export const metadata: Metadata = { title: "Dossier transmis" };

// Where the onboarding form leads once the documents are in; the link no longer works.
export default function OnboardingThanksPage() {
  return (
    <section aria-labelledby="merci-titre" className="rounded-lg border border-slate-200 bg-white p-6 text-center shadow-sm">
      <p aria-hidden="true" className="mx-auto mb-3 flex h-12 w-12 items-center justify-center rounded-full bg-emerald-100 text-2xl text-emerald-700">
        ✓
      </p>
      <h1 id="merci-titre" className="text-xl font-semibold text-slate-900">
        Merci, votre dossier est transmis
      </h1>
      <p className="mt-3 text-base text-slate-700">
        Nous avons bien reçu vos informations et vos documents. Votre interlocuteur les vérifie et revient vers vous
        rapidement pour la suite de l&apos;ouverture de votre compte.
      </p>
      <p className="mt-3 text-sm text-slate-500">Vous pouvez fermer cette page.</p>
    </section>
  );
}
