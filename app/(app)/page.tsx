import type { Metadata } from "next";
import { InvoiceList } from "@/components/dashboard/invoice-list";
import { LatestProspects } from "@/components/dashboard/latest-prospects";
import { UpcomingActions } from "@/components/dashboard/upcoming-actions";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getDashboard } from "@/lib/dashboard/queries";

export const metadata: Metadata = { title: "Tableau de bord" };

export default async function DashboardPage() {
  const actor = await requirePermission("dashboard:view");
  const dashboard = await getDashboard(actor);
  const internal = can(actor.role, "prospect:read:any");

  return (
    <>
      <PageHeader
        title="Tableau de bord"
        description={
          internal
            ? `Bonjour ${actor.name}. Vos actions à venir et les derniers mouvements de vos clients.`
            : `Bonjour ${actor.name}. Le suivi des prospects et des clients que vous avez apportés.`
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <LatestProspects prospects={dashboard.latestProspects} showPartner={internal} />
        <UpcomingActions actions={dashboard.upcomingActions} now={new Date()} showAssignee={!internal} />
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
