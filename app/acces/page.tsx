import { cookies } from "next/headers";
import { ChoosePasswordForm } from "@/components/accounts/choose-password-form";
import { accountLinkCookie, verifyAccountLinkCookie } from "@/lib/accounts/link-cookie";
import { INVALID_ACCOUNT_LINK_MESSAGE } from "@/lib/accounts/passwords";
import { passwordUserInputs } from "@/lib/accounts/password-policy";
import { findUsableTokenById } from "@/lib/accounts/tokens";
import { sessionCookieSettings } from "@/lib/auth/session-cookie";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";

export const dynamic = "force-dynamic";

export default async function AccessPage() {
  const { name } = accountLinkCookie(sessionCookieSettings().secure);
  const tokenId = verifyAccountLinkCookie((await cookies()).get(name)?.value, getEnv().NEXTAUTH_SECRET);
  const link = tokenId ? await findUsableTokenById(db, tokenId) : null;

  if (!link) {
    return (
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold text-slate-900">Lien non valable</h1>
        <p className="mt-2 text-sm text-slate-700">{INVALID_ACCOUNT_LINK_MESSAGE}</p>
        <p className="mt-2 text-sm text-slate-700">
          Pour un mot de passe oublié, utilisez « Mot de passe oublié ? » sur la page de connexion ; pour une invitation, demandez à votre
          contact de vous la renvoyer.
        </p>
      </div>
    );
  }

  const invitation = link.kind === "INVITATION";
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-xl font-semibold text-slate-900">{invitation ? "Bienvenue, choisissez votre mot de passe" : "Choisissez un nouveau mot de passe"}</h1>
      <p className="mb-5 mt-1 text-sm text-slate-600">Compte : {link.user.email}</p>
      <ChoosePasswordForm email={link.user.email} userInputs={passwordUserInputs(link.user)} />
    </div>
  );
}
