import type { Metadata } from "next";
import type { ReactNode } from "react";

// Public pages for the client, outside the app shell: no menu, no account.
export const metadata: Metadata = {
  title: "Finaliser votre inscription",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

export default function OnboardingLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="bg-brand-900 text-white">
        <div className="mx-auto w-full max-w-2xl px-4 py-4">
          <p className="text-lg font-semibold tracking-tight">CRM Partenaires</p>
          <p className="text-sm text-brand-100">Ouverture de votre compte</p>
        </div>
      </header>
      <main id="contenu" className="mx-auto w-full max-w-2xl flex-1 px-4 py-6">
        {children}
      </main>
    </div>
  );
}
