import { AddConnectionForm } from "@/components/connections/add-connection-form";
import { LinkConnectionButton } from "@/components/connections/link-connection-button";
import { RemoveConnectionButton } from "@/components/connections/remove-connection-button";
import { Badge } from "@/components/ui/badge";
import { SectionCard } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { CONNECTION_RELATION_LABELS, commissionLabel, commissionSummary } from "@/lib/connections/labels";
import { canManageConnections } from "@/lib/connections/manage-connections";
import { getProspectConnections, type ConnectionItem } from "@/lib/connections/queries";
import { formatDate, formatSiren } from "@/lib/format";

function knownFrom(item: ConnectionItem): string {
  const parts: string[] = [];
  if (item.invoiceCount > 0) {
    const invoices = `${item.invoiceCount} facture${item.invoiceCount > 1 ? "s" : ""} déposée${item.invoiceCount > 1 ? "s" : ""}`;
    parts.push(item.lastInvoiceAt ? `${invoices}, la dernière le ${formatDate(item.lastInvoiceAt)}` : invoices);
  }
  if (item.connection) {
    parts.push(item.connection.source === "SALES" ? "Enregistrée par l'équipe commerciale" : "Relevée par la plateforme");
    if (item.connection.linkedProspectId) parts.push("Devenue prospect");
  }
  return parts.join(" · ");
}

// The « Connexions » tab: the client's suppliers (from the invoices they submitted to it) and the
// suppliers and customers the sales team recorded, with whether the referring partner earns on
// them. Read-only for partners.
export async function ConnectionsPanel({ prospectId, actor }: { prospectId: string; actor: Actor }) {
  const data = await getProspectConnections(actor, prospectId);
  if (!data) return null;
  const manage = canManageConnections(actor);
  const viewer = can(actor.role, "prospect:read:any") ? "internal" : "partner";
  const commission = commissionLabel(data.partner, viewer);
  const headers = ["Nom", "SIREN", "Relation", "Connue par", viewer === "partner" ? "Vous êtes rémunéré" : "Partenaire rémunéré"];

  return (
    <SectionCard id="panneau-connexions" title="Connexions">
      <p className="px-4 pt-4 text-sm text-slate-600">
        Les fournisseurs et clients de cette entreprise tels que la plateforme les connaît : les fournisseurs qui lui ont déposé
        des factures, et les relations enregistrées par l&apos;équipe commerciale.
        {viewer === "internal" ? ` ${commissionSummary(data.partner)}` : null}
      </p>
      {data.items.length === 0 ? (
        <EmptyState
          title="Aucune connexion connue pour le moment."
          description="Dès qu'un fournisseur déposera une facture à ce client sur la plateforme, ou que l'équipe commerciale enregistrera une relation, elle apparaîtra ici."
        />
      ) : (
        <div className="relative mt-3 overflow-x-auto" tabIndex={0} role="region" aria-label="Connexions">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Connexions du client</caption>
            <thead className="bg-slate-50">
              <tr>
                {headers.map((h) => (
                  <th
                    key={h}
                    scope="col"
                    className="whitespace-nowrap px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-600"
                  >
                    {h}
                  </th>
                ))}
                {manage ? (
                  <th scope="col" className="px-4 py-2.5">
                    <span className="sr-only">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {data.items.map((item) => (
                <tr key={item.key}>
                  <td className="min-w-40 px-4 py-2.5 font-medium text-slate-900">{item.name}</td>
                  <td className="whitespace-nowrap px-4 py-2.5 tabular-nums text-slate-700">
                    {item.siren ? formatSiren(item.siren) : "—"}
                  </td>
                  <td className="whitespace-nowrap px-4 py-2.5">
                    <Badge tone={item.relation === "SUPPLIER" ? "info" : "brand"}>{CONNECTION_RELATION_LABELS[item.relation]}</Badge>
                  </td>
                  <td className="min-w-48 px-4 py-2.5 text-slate-700">{knownFrom(item)}</td>
                  <td className="whitespace-nowrap px-4 py-2.5">
                    <Badge tone={commission.earns ? "success" : "neutral"}>
                      {commission.text}
                    </Badge>
                  </td>
                  {manage ? (
                    <td className="whitespace-nowrap px-4 py-2.5 text-right">
                      {item.connection && item.siren && !item.connection.linkedProspectId ? (
                        <LinkConnectionButton id={item.connection.id} name={item.name} />
                      ) : null}
                      {item.connection?.source === "SALES" ? <RemoveConnectionButton id={item.connection.id} name={item.name} /> : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {manage ? <AddConnectionForm prospectId={prospectId} /> : null}
    </SectionCard>
  );
}
