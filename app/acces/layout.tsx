import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getEnv } from "@/lib/env";

// Public pages of the invitation and reset links: the platform's name and a contact line, never
// a link into the staff app.
export const metadata: Metadata = {
  title: "Votre mot de passe",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

export default function AccessLayout({ children }: { children: ReactNode }) {
  const contact = getEnv().SALES_INBOX_EMAIL;
  return (
    <div className="flex min-h-screen flex-col">
      <header className="bg-brand-900 text-white">
        <div className="mx-auto w-full max-w-md px-4 py-4">
          <p className="text-lg font-semibold tracking-tight">CRM Partenaires</p>
        </div>
      </header>
      <main id="contenu" className="mx-auto w-full max-w-md flex-1 px-4 py-8">
        {children}
      </main>
      <footer className="mx-auto w-full max-w-md px-4 py-6 text-center text-xs text-slate-500">
        Une question ? Écrivez-nous à {contact}.
      </footer>
    </div>
  );
}
