import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/admin/action-button";
import { UserForm } from "@/components/admin/users/user-form";
import { UserStatusBadge } from "@/components/admin/users/user-list";
import { SectionCard } from "@/components/ui/card";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { DescriptionList } from "@/components/ui/description-list";
import { PageHeader } from "@/components/ui/page-header";
import { closeUserSessionsAction, resendInvitationAction, sendPasswordResetAction, setUserActiveAction } from "@/lib/accounts/actions";
import { getUserDetail, listPartnerOptions } from "@/lib/accounts/queries";
import { can, ROLE_LABELS } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import { Role } from "@/lib/generated/prisma/enums";

export const metadata: Metadata = { title: "Utilisateur" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function UserPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const actor = await requirePermission("user:manage:partner");
  const { id } = await params;
  const user = await getUserDetail(db, actor, id);
  if (!user) notFound();
  const justInvited = (await searchParams).invite === "1";
  const isAdmin = can(actor.role, "user:manage");
  const partners = isAdmin ? await listPartnerOptions(db) : [];
  // The current organisation stays choosable even when it is deactivated.
  if (user.partner && !partners.some((p) => p.id === user.partner?.id)) partners.unshift(user.partner);
  const self = user.id === actor.id;
  return (
    <>
      <PageHeader
        title={user.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <UserStatusBadge active={user.active} invited={user.invited} />
            <span>
              {user.email} · {ROLE_LABELS[user.role]}
              {user.partner ? ` · ${user.partner.name}` : ""}
            </span>
          </span>
        }
      >
        <Link href="/admin/utilisateurs" className="text-sm text-brand-700 hover:underline">
          ← Utilisateurs
        </Link>
      </PageHeader>
      {justInvited ? (
        <p role="status" className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          Invitation envoyée à {user.email}.
        </p>
      ) : null}
      <div className="flex flex-col gap-6">
        <SectionCard id="compte" title="Compte">
          <DescriptionList
            items={[
              { label: "Créé le", value: formatDateTime(user.createdAt) },
              { label: "Dernière connexion", value: user.lastLoginAt ? formatDateTime(user.lastLoginAt) : "Jamais" },
              { label: "Double authentification", value: user.totpEnabledAt ? "Activée" : "Non activée" },
              { label: "Sessions ouvertes", value: String(user.openSessions) },
            ]}
          />
          <div className="flex flex-wrap gap-3 border-t border-slate-200 px-4 py-3">
            {user.invited && user.active ? (
              <ActionButton label="Renvoyer l'invitation" pendingLabel="Envoi…" successMessage="Nouvelle invitation envoyée ; l'ancien lien ne fonctionne plus." action={resendInvitationAction.bind(null, { id: user.id })} />
            ) : null}
            {isAdmin && !user.invited && user.active ? (
              <ConfirmActionButton
                label="Réinitialiser le mot de passe"
                title="Envoyer un lien de réinitialisation ?"
                description={`${user.name} recevra un e-mail avec un lien valable une heure pour choisir un nouveau mot de passe. Vous ne verrez jamais ce mot de passe.`}
                confirmLabel="Envoyer le lien"
                pendingLabel="Envoi…"
                action={sendPasswordResetAction.bind(null, { id: user.id })}
              />
            ) : null}
            {isAdmin ? (
              <ConfirmActionButton
                label="Fermer toutes les sessions"
                title="Fermer toutes les sessions ?"
                description={`${user.name} sera déconnecté de tous ses appareils à sa prochaine action.`}
                confirmLabel="Fermer les sessions"
                pendingLabel="Fermeture…"
                action={closeUserSessionsAction.bind(null, { id: user.id })}
              />
            ) : null}
            {self ? null : user.active ? (
              <ConfirmActionButton
                label="Désactiver"
                title={`Désactiver ${user.name} ?`}
                description="Toutes ses sessions sont fermées immédiatement et il ne peut plus se connecter. Ses données restent. Vous pourrez le réactiver."
                confirmLabel="Désactiver"
                pendingLabel="Désactivation…"
                action={setUserActiveAction.bind(null, { id: user.id, active: false })}
              />
            ) : (
              <ActionButton label="Réactiver" pendingLabel="Réactivation…" action={setUserActiveAction.bind(null, { id: user.id, active: true })} />
            )}
          </div>
        </SectionCard>
        {isAdmin ? (
          <SectionCard id="modifier" title="Modifier">
            <UserForm
              mode="edit"
              roles={Object.values(Role)}
              partners={partners}
              initial={{ id: user.id, email: user.email, name: user.name, role: user.role, partnerId: user.partnerId ?? "" }}
            />
          </SectionCard>
        ) : null}
      </div>
    </>
  );
}
