import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/admin/action-button";
import { AgreementVersionForm } from "@/components/admin/partners/agreement-version-form";
import { AgreementVersionList } from "@/components/admin/partners/agreement-version-list";
import { PartnerForm } from "@/components/admin/partners/partner-form";
import { PartnerHistory } from "@/components/admin/partners/partner-history";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { SectionCard } from "@/components/ui/card";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { setPartnerActiveAction } from "@/lib/accounts/actions";
import { getPartnerDetail } from "@/lib/accounts/queries";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Organisation partenaire" };

export default async function PartnerPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("partner:manage");
  const { id } = await params;
  const partner = await getPartnerDetail(db, id);
  if (!partner) notFound();
  return (
    <>
      <PageHeader
        title={partner.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {partner.active ? <Badge tone="success">Active</Badge> : <Badge tone="neutral">Désactivée</Badge>}
            <span>
              {partner.users.length} utilisateur{partner.users.length > 1 ? "s" : ""} · {partner._count.prospects} prospect{partner._count.prospects > 1 ? "s" : ""}
            </span>
          </span>
        }
        actions={
          partner.active ? (
            <ConfirmActionButton
              label="Désactiver l'organisation"
              title={`Désactiver « ${partner.name} » ?`}
              description="Tous ses utilisateurs sont déconnectés immédiatement et ne peuvent plus se connecter. Ses prospects restent visibles par l'équipe interne. Vous pourrez la réactiver."
              confirmLabel="Désactiver"
              pendingLabel="Désactivation…"
              action={setPartnerActiveAction.bind(null, { id: partner.id, active: false })}
            />
          ) : (
            <ActionButton label="Réactiver l'organisation" pendingLabel="Réactivation…" action={setPartnerActiveAction.bind(null, { id: partner.id, active: true })} />
          )
        }
      >
        <Link href="/admin/partenaires" className="text-sm text-brand-700 hover:underline">
          ← Partenaires
        </Link>
      </PageHeader>
      <div className="flex flex-col gap-6">
        <SectionCard id="convention" title="Convention partenaire">
          <AgreementVersionList versions={partner.agreementVersions} />
          <details className="border-t border-slate-200">
            <summary className="cursor-pointer px-4 py-3 text-sm font-medium text-brand-700">Modifier la convention (nouvelle version)</summary>
            <AgreementVersionForm partnerId={partner.id} />
          </details>
        </SectionCard>
        <SectionCard id="organisation" title="Coordonnées">
          <PartnerForm
            mode="edit"
            initial={{
              id: partner.id,
              name: partner.name,
              siren: partner.siren ?? "",
              street: partner.street ?? "",
              postalCode: partner.postalCode ?? "",
              city: partner.city ?? "",
              contactEmail: partner.contactEmail ?? "",
            }}
          />
        </SectionCard>
        <SectionCard
          id="utilisateurs"
          title="Utilisateurs"
          action={
            partner.active ? (
              <Link href={`/admin/utilisateurs/nouveau?partnerId=${partner.id}`} className={buttonClasses("secondary", "sm")}>
                Inviter un utilisateur
              </Link>
            ) : null
          }
        >
          {partner.users.length === 0 ? (
            <EmptyState title="Aucun utilisateur dans cette organisation." />
          ) : (
            <ul className="divide-y divide-slate-100">
              {partner.users.map((u) => (
                <li key={u.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2.5 text-sm">
                  <span>
                    <Link href={`/admin/utilisateurs/${u.id}`} className="font-medium text-brand-700 hover:underline">
                      {u.name}
                    </Link>{" "}
                    <span className="text-slate-600">· {u.email}</span>
                  </span>
                  <span className="text-slate-600">
                    {u.active ? (u.lastLoginAt ? `Dernière connexion le ${formatDateTime(u.lastLoginAt)}` : "Jamais connecté") : "Désactivé"}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </SectionCard>
        <SectionCard id="historique" title="Historique">
          <PartnerHistory rows={partner.history} />
        </SectionCard>
      </div>
    </>
  );
}
