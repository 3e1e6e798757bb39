import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { DisableTotpForm } from "@/components/accounts/disable-totp-form";
import { TotpEnrolment } from "@/components/accounts/totp-enrolment";
import { getPendingEnrolment, mfaRequiredFor } from "@/lib/accounts/totp";
import { getSessionState, MFA_ENROLMENT_PAGE } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Double authentification" };

// Outside the app shell: a user whose role requires a second factor lands here after sign-in
// and can do nothing else until it is set up.
export default async function TwoFactorPage() {
  const state = await getSessionState();
  if (!state) redirect(`/login?callbackUrl=${encodeURIComponent(MFA_ENROLMENT_PAGE)}`);
  const user = await db.user.findUniqueOrThrow({ where: { id: state.actor.id }, select: { totpEnabledAt: true } });
  const pending = user.totpEnabledAt ? null : await getPendingEnrolment(db, state.actor.id);
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-md">
        <div className="mb-6 text-center">
          <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">CRM Partenaires</p>
          <h1 className="mt-2 text-2xl font-semibold text-slate-900">Double authentification</h1>
          {state.mfaPending ? (
            <p className="mt-1 text-sm text-slate-600">Votre rôle exige une double authentification : activez-la pour accéder au CRM.</p>
          ) : null}
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          {user.totpEnabledAt ? (
            <div className="flex flex-col gap-4 text-sm text-slate-700">
              <p>Activée depuis le {formatDateTime(user.totpEnabledAt)}. À chaque connexion, le code de votre application vous est demandé.</p>
              {mfaRequiredFor(state.actor.role) ? <p>Elle est obligatoire pour votre rôle.</p> : <DisableTotpForm />}
            </div>
          ) : (
            <TotpEnrolment pending={pending} continueHref="/" />
          )}
        </div>
        <div className="mt-4 flex items-center justify-center gap-4 text-sm">
          {state.mfaPending ? null : (
            <Link href="/compte" className="text-brand-700 hover:underline">
              ← Mon compte
            </Link>
          )}
          <SignOutButton className="text-slate-600 hover:underline" />
        </div>
      </div>
    </main>
  );
}
