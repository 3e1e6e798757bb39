import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card, SectionCard } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { formatAddress, formatRateBps } from "@/lib/accounts/format";
import { getMyOrganisation } from "@/lib/accounts/queries";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formatCalendarDay, formatSiren } from "@/lib/format";

export const metadata: Metadata = { title: "Mon organisation" };

// Read-only: a partner user's colleagues and the terms of the agreement in force today.
export default async function MyOrganisationPage() {
  const actor = await requireUser();
  const organisation = await getMyOrganisation(db, actor);
  if (!organisation) notFound();
  const { agreement } = organisation;
  return (
    <>
      <PageHeader title="Mon organisation" description={organisation.name} />
      <div className="flex flex-col gap-6">
        <SectionCard id="convention" title="Convention partenaire">
          {agreement ? (
            <DescriptionList
              items={[
                { label: "Taux de commission", value: formatRateBps(agreement.directRateBps) },
                { label: "En vigueur depuis le", value: formatCalendarDay(agreement.startsOn) },
                ...(agreement.networkRateBps > 0 ? [{ label: "Taux sur le réseau (connexions)", value: formatRateBps(agreement.networkRateBps) }] : []),
                ...(agreement.entitlementMonths ? [{ label: "Durée des droits", value: `${agreement.entitlementMonths} mois` }] : []),
              ]}
            />
          ) : (
            <EmptyState title="Aucune convention en vigueur aujourd'hui." description="Contactez votre interlocuteur commercial." />
          )}
        </SectionCard>
        <SectionCard id="coordonnees" title="Coordonnées">
          <DescriptionList
            items={[
              { label: "SIREN", value: organisation.siren ? formatSiren(organisation.siren) : null },
              { label: "Adresse", value: formatAddress(organisation) },
              { label: "E-mail de contact", value: organisation.contactEmail },
            ]}
          />
        </SectionCard>
        <SectionCard id="collegues" title="Mes collègues">
          <Card className="border-0 shadow-none">
            <ul className="divide-y divide-slate-100">
              {organisation.users.map((u) => (
                <li key={u.id} className="px-4 py-2.5 text-sm">
                  <span className="font-medium text-slate-900">{u.name}</span> <span className="text-slate-600">· {u.email}</span>
                  {u.id === actor.id ? <span className="ml-2 text-xs text-slate-500">(vous)</span> : null}
                </li>
              ))}
            </ul>
          </Card>
        </SectionCard>
      </div>
    </>
  );
}
