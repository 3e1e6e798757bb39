import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "@/components/accounts/forgot-password-form";

export const metadata: Metadata = { title: "Mot de passe oublié" };

export default function ForgotPasswordPage() {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">CRM Partenaires</p>
          <h1 className="mt-2 text-2xl font-semibold text-slate-900">Mot de passe oublié</h1>
          <p className="mt-1 text-sm text-slate-600">Saisissez l&apos;adresse e&#8209;mail de votre compte : nous vous enverrons un lien pour choisir un nouveau mot de passe.</p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <ForgotPasswordForm />
        </div>
        <p className="mt-4 text-center text-sm">
          <Link href="/login" className="text-brand-700 hover:underline">
            Retour à la connexion
          </Link>
        </p>
      </div>
    </main>
  );
}
