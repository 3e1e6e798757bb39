import type { ReactNode } from "react";
import { getEnv } from "@/lib/env";

// The layout of every page someone without an account opens from an e-mail (unsubscribe,
// onboarding, invitation and reset links): the platform's name and a contact line, and never a
// link into the staff app.
export function PublicShell({ subtitle, children }: { subtitle?: string; children: ReactNode }) {
  const env = getEnv();
  const contact = env.QUOTE_ISSUER_EMAIL ?? env.SALES_INBOX_EMAIL;
  return (
    <div className="flex min-h-screen flex-col bg-slate-50">
      <header className="bg-brand-900 text-white">
        <div className="mx-auto w-full max-w-2xl px-4 py-4">
          <p className="text-lg font-semibold tracking-tight">{env.QUOTE_ISSUER_NAME}</p>
          {subtitle ? <p className="text-sm text-brand-100">{subtitle}</p> : null}
        </div>
      </header>
      <main id="contenu" className="mx-auto w-full max-w-2xl flex-1 px-4 py-6">
        {children}
      </main>
      <footer className="border-t border-slate-200 bg-white">
        <p className="mx-auto w-full max-w-2xl px-4 py-4 text-sm text-slate-700">
          Une question ? Écrivez-nous à{" "}
          <a href={`mailto:${contact}`} className="font-medium break-all text-brand-800 underline">
            {contact}
          </a>
          .
        </p>
      </footer>
    </div>
  );
}
