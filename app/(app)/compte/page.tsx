import type { Metadata } from "next";
import Link from "next/link";
import { ChangeNameForm } from "@/components/accounts/change-name-form";
import { ChangePasswordForm } from "@/components/accounts/change-password-form";
import { SessionList } from "@/components/accounts/session-list";
import { buttonClasses } from "@/components/ui/button";
import { SectionCard } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { PageHeader } from "@/components/ui/page-header";
import { passwordUserInputs } from "@/lib/accounts/password-policy";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { listActiveSessions, sessionPolicyFromEnv } from "@/lib/auth/server-session";
import { getSessionClaims, requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Mon compte" };

export default async function AccountPage() {
  const actor = await requireUser();
  const claims = await getSessionClaims();
  const [sessions, user] = await Promise.all([
    listActiveSessions(db, actor.id, sessionPolicyFromEnv()),
    db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { totpEnabledAt: true, lastLoginAt: true } }),
  ]);
  return (
    <>
      <PageHeader title="Mon compte" description={`${actor.email} · ${ROLE_LABELS[actor.role]}`} />
      <div className="flex flex-col gap-6">
        <SectionCard id="identite" title="Mon nom">
          <ChangeNameForm name={actor.name} />
        </SectionCard>
        <SectionCard id="mot-de-passe" title="Mot de passe">
          <p className="px-4 pt-4 text-sm text-slate-600">Changer de mot de passe ferme toutes vos autres sessions.</p>
          <ChangePasswordForm userInputs={passwordUserInputs(actor)} />
        </SectionCard>
        <SectionCard id="double-authentification" title="Double authentification">
          <DescriptionList
            items={[
              { label: "État", value: user.totpEnabledAt ? `Activée depuis le ${formatDateTime(user.totpEnabledAt)}` : "Non activée" },
              { label: "Dernière connexion", value: user.lastLoginAt ? formatDateTime(user.lastLoginAt) : null },
            ]}
          />
          <div className="px-4 pb-4">
            <Link href="/double-authentification" className={buttonClasses("secondary", "sm")}>
              {user.totpEnabledAt ? "Gérer la double authentification" : "Activer la double authentification"}
            </Link>
          </div>
        </SectionCard>
        <SectionCard id="sessions" title="Mes sessions actives">
          <SessionList sessions={sessions} currentId={claims?.sessionId ?? null} />
        </SectionCard>
      </div>
    </>
  );
}
