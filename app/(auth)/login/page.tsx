import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { safeCallbackUrl } from "@/lib/auth/safe-redirect";
import { signInErrorMessage } from "@/lib/auth/schemas";
import { getSessionState, MFA_ENROLMENT_PAGE } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Connexion" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  // Database-checked, not just the cookie: a deactivated user with a live token must see the
  // form here, or /login and the app would redirect to each other forever.
  const state = await getSessionState();
  if (state) redirect(state.mfaPending ? MFA_ENROLMENT_PAGE : "/");

  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(first(params.callbackUrl));
  const initialError = signInErrorMessage(first(params.error));

  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">CRM Partenaires</p>
          <h1 className="mt-2 text-2xl font-semibold text-slate-900">Connexion</h1>
          <p className="mt-1 text-sm text-slate-600">Accédez à votre espace avec votre adresse e&#8209;mail.</p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <LoginForm callbackUrl={callbackUrl} initialError={initialError} />
        </div>
        <p className="mt-4 text-center text-sm">
          <Link href="/mot-de-passe-oublie" className="text-brand-700 hover:underline">
            Mot de passe oublié ?
          </Link>
        </p>
      </div>
    </main>
  );
}
