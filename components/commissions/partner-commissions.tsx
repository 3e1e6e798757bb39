import Link from "next/link";
import { CommissionLinesTable } from "@/components/commissions/commission-lines-table";
import { StatementStatusBadge } from "@/components/commissions/status-badge";
import { SectionCard } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatMonth } from "@/lib/commissions/labels";
import type { PartnerCommissions } from "@/lib/commissions/queries";
import { formatCalendarDay, formatEuros } from "@/lib/format";

const th = "px-4 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";
const thRight = `${th} text-right`;
const td = "px-4 py-2 text-sm text-slate-800";
const tdRight = `${td} text-right tabular-nums`;

// « Mes commissions »: per month, per client, the chosen month's invoices and the statements.
export function PartnerCommissionsView({ data }: { data: PartnerCommissions }) {
  return (
    <div className="flex flex-col gap-6">
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <SectionCard id="par-mois" title="Par mois (12 derniers mois)">
          <table className="w-full">
            <thead>
              <tr>
                <th scope="col" className={th}>Mois</th>
                <th scope="col" className={thRight}>Factures</th>
                <th scope="col" className={thRight}>Commissions</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {data.months.map((m) => (
                <tr key={m.month} className={m.month === data.month ? "bg-brand-50" : undefined}>
                  <th scope="row" className={`${td} text-left font-normal`}>
                    <Link href={`/commissions?mois=${m.month}`} className="text-brand-700 hover:underline" aria-current={m.month === data.month ? "true" : undefined}>
                      {formatMonth(m.month)}
                    </Link>
                  </th>
                  <td className={tdRight}>{m.lineCount}</td>
                  <td className={tdRight}>{formatEuros(m.amountCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </SectionCard>
        <SectionCard id="par-client" title="Par client (12 derniers mois)">
          {data.clients.length === 0 ? (
            <EmptyState title="Aucune commission sur cette période." description="Les commissions apparaissent dès qu'une facture d'un de vos clients est financée." />
          ) : (
            <table className="w-full">
              <thead>
                <tr>
                  <th scope="col" className={th}>Client</th>
                  <th scope="col" className={thRight}>Volume financé</th>
                  <th scope="col" className={thRight}>Commissions</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {data.clients.map((c) => (
                  <tr key={`${c.clientId}-${c.introducedBy ?? ""}`}>
                    <th scope="row" className={`${td} text-left font-normal`}>
                      {c.name}
                      {c.introducedBy ? <span className="block text-xs text-slate-500">Réseau de {c.introducedBy}</span> : null}
                    </th>
                    <td className={tdRight}>{formatEuros(c.financedCents)}</td>
                    <td className={tdRight}>{formatEuros(c.amountCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </SectionCard>
      </div>

      <SectionCard id="factures-du-mois" title={`Factures financées : ${formatMonth(data.month)}`}>
        <CommissionLinesTable lines={data.lines} caption={`Factures financées : ${formatMonth(data.month)}`} emptyTitle="Aucune facture financée ce mois-ci." />
      </SectionCard>

      <SectionCard id="releves" title="Relevés de commissions">
        {data.statements.length === 0 ? (
          <EmptyState title="Aucun relevé pour l'instant." description="Un relevé est établi chaque début de mois pour le mois précédent." />
        ) : (
          <table className="w-full">
            <thead>
              <tr>
                <th scope="col" className={th}>Période</th>
                <th scope="col" className={th}>Numéro</th>
                <th scope="col" className={th}>Statut</th>
                <th scope="col" className={thRight}>Total</th>
                <th scope="col" className={th}>Document</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {data.statements.map((s) => (
                <tr key={s.id}>
                  <td className={td}>
                    {formatMonth(s.month)}
                    {s.adjustments.map((a, i) => (
                      <span key={i} className="block text-xs text-slate-500">
                        Ajustement {formatEuros(a.amountCents)}
                        {a.reason ? ` : ${a.reason}` : ""}
                      </span>
                    ))}
                  </td>
                  <td className={td}>{s.number ?? "—"}</td>
                  <td className={td}>
                    <StatementStatusBadge status={s.status} />
                    {s.paidOn ? <span className="block text-xs text-slate-500">le {formatCalendarDay(s.paidOn)}</span> : null}
                  </td>
                  <td className={tdRight}>{formatEuros(s.totalCents)}</td>
                  <td className={td}>
                    {s.status === "DRAFT" ? (
                      <span className="text-slate-500">En préparation</span>
                    ) : (
                      <a href={`/api/commissions/statements/${s.id}/pdf`} className="font-medium text-brand-700 hover:underline">
                        Télécharger le PDF<span className="sr-only"> du relevé {s.number}</span>
                      </a>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </SectionCard>
    </div>
  );
}
