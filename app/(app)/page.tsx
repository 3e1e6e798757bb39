import type { Metadata } from "next";
import Link from "next/link";
import { CommissionCard } from "@/components/commissions/commission-card";
import { InvoiceList } from "@/components/dashboard/invoice-list";
import { LatestProspects } from "@/components/dashboard/latest-prospects";
import { UpcomingActions } from "@/components/dashboard/upcoming-actions";
import { ObjectivesWidget } from "@/components/objectives/objectives-widget";
import { WeeklyActionsWidget } from "@/components/objectives/weekly-actions-widget";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { canCreateActions } from "@/lib/actions/create-action";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getCommissionSummary } from "@/lib/commissions/queries";
import { getDashboard } from "@/lib/dashboard/queries";
import { parseObjectivesParams } from "@/lib/objectives/schemas";
import { defaultsToTeamView } from "@/lib/team-view";

export const metadata: Metadata = { title: "Tableau de bord" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DashboardPage({ searchParams }: Props) {
  const actor = await requirePermission("dashboard:view");
  // Set by /actions/new after a successful save.
  const query = await searchParams;
  const actionAdded = query.action === "ajoutee";
  const dashboard = await getDashboard(actor);
  const internal = can(actor.role, "prospect:read:any");
  const commissions = await getCommissionSummary(actor);

  return (
    <>
      <PageHeader
        title="Tableau de bord"
        description={
          internal
            ? `Bonjour ${actor.name}. Vos actions à venir et les derniers mouvements de vos clients.`
            : `Bonjour ${actor.name}. Le suivi des prospects et des clients que vous avez apportés.`
        }
        actions={
          <>
            {canCreateActions(actor) ? (
              <Link href="/actions/new" className={buttonClasses("secondary")}>
                Ajouter une action
              </Link>
            ) : null}
            {can(actor.role, "prospect:create") ? (
              <Link href="/prospects/new" className={buttonClasses("primary")}>
                Ajouter un nouveau prospect
              </Link>
            ) : null}
          </>
        }
      />
      <div role="status" aria-atomic="true">
        {actionAdded ? (
          <p className="mb-6 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
            L&apos;action a été ajoutée.
          </p>
        ) : null}
      </div>
      {can(actor.role, "prospect:internal:read") ? (
        // The two widgets of the internal team (seed §7); partners keep the dashboard below.
        <div className="mb-6 flex flex-col gap-6">
          <ObjectivesWidget actor={actor} params={parseObjectivesParams(query)} />
          <WeeklyActionsWidget actor={actor} />
        </div>
      ) : null}
      {commissions ? <CommissionCard summary={commissions} /> : null}
      <div className={`${commissions ? "mt-6 " : ""}grid grid-cols-1 gap-6 lg:grid-cols-2`}>
        <LatestProspects prospects={dashboard.latestProspects} showPartner={internal} />
        <UpcomingActions
          actions={dashboard.upcomingActions}
          now={new Date()}
          showAssignee={!internal || defaultsToTeamView(actor.role)}
        />
      </div>
      <div className="mt-6 grid grid-cols-1 gap-6 lg:grid-cols-3">
        <InvoiceList
          id="factures-soumises"
          title="Dernières factures soumises"
          invoices={dashboard.submittedInvoices}
          emptyTitle="Aucune facture soumise."
          dateLabel="Soumise le"
        />
        <InvoiceList
          id="factures-validees"
          title="Dernières factures validées"
          invoices={dashboard.validatedInvoices}
          emptyTitle="Aucune facture validée."
          dateLabel="Validée le"
        />
        <InvoiceList
          id="factures-financees"
          title="Dernières factures financées"
          invoices={dashboard.financedInvoices}
          emptyTitle="Aucune facture financée."
          dateLabel="Financée le"
        />
      </div>
    </>
  );
}
