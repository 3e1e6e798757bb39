import type { Metadata } from "next";
import type { ReactNode } from "react";

// The public page an e-mail recipient lands on from a campaign's unsubscribe link: no menu, no account.
export const metadata: Metadata = {
  title: "Se désabonner",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

export default function UnsubscribeLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="bg-brand-900 text-white">
        <div className="mx-auto w-full max-w-2xl px-4 py-4">
          <p className="text-lg font-semibold tracking-tight">CRM Partenaires</p>
        </div>
      </header>
      <main id="contenu" className="mx-auto w-full max-w-2xl flex-1 px-4 py-6">
        {children}
      </main>
    </div>
  );
}
