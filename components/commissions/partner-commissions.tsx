import Link from "next/link";
import { StatementStatusBadge } from "@/components/commissions/status-badge";
import { SectionCard } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { COMMISSION_KIND_LABELS, formatMonth } from "@/lib/commissions/labels";
import type { PartnerCommissions } from "@/lib/commissions/queries";
import { formatCommissionRate } from "@/lib/connections/labels";
import { formatCalendarDay, formatDate, formatEuros } from "@/lib/format";

// Narrower cells on a phone, so the three-column summaries fit without scrolling.
const th = "px-2 py-2 sm:px-4 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";
const thRight = `${th} text-right`;
const td = "px-2 py-2 sm:px-4 text-sm text-slate-800";
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
        {data.lines.length === 0 ? (
          <EmptyState title="Aucune facture financée ce mois-ci." />
        ) : (
          <>
            <div className="hidden overflow-x-auto md:block" tabIndex={0} role="region" aria-label="Factures financées du mois">
              <table className="w-full">
                <thead>
                  <tr>
                    <th scope="col" className={th}>Date</th>
                    <th scope="col" className={th}>Client</th>
                    <th scope="col" className={th}>Facture</th>
                    <th scope="col" className={th}>Type</th>
                    <th scope="col" className={thRight}>Montant financé</th>
                    <th scope="col" className={thRight}>Taux</th>
                    <th scope="col" className={thRight}>Commission</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {data.lines.map((l) => (
                    <tr key={l.id}>
                      <td className={td}>{formatDate(l.occurredAt)}</td>
                      <td className={td}>
                        {l.clientName}
                        {l.introducedBy ? <span className="block text-xs text-slate-500">Réseau de {l.introducedBy}</span> : null}
                      </td>
                      <td className={td}>
                        {l.invoiceNumber}
                        <span className="block text-xs text-slate-500">{l.supplierName}</span>
                        {l.type === "REVERSAL" ? <span className="block text-xs text-red-700">Annulation (facture rejetée)</span> : null}
                      </td>
                      <td className={td}>{COMMISSION_KIND_LABELS[l.kind]}</td>
                      <td className={tdRight}>{formatEuros(l.baseCents)}</td>
                      <td className={tdRight}>{formatCommissionRate(l.rateBps)}</td>
                      <td className={tdRight}>{formatEuros(l.amountCents)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {/* On a phone, one card per invoice: the client, the invoice, the financed amount and the commission. */}
            <ul className="divide-y divide-slate-100 md:hidden" aria-label="Factures financées du mois">
              {data.lines.map((l) => (
                <li key={l.id} className="flex flex-col gap-1 px-4 py-3 text-sm text-slate-800">
                  <div className="flex items-start justify-between gap-3">
                    <span className="min-w-0 font-medium break-words [overflow-wrap:anywhere]">{l.clientName}</span>
                    <span className="shrink-0 font-semibold tabular-nums">{formatEuros(l.amountCents)}</span>
                  </div>
                  {l.introducedBy ? <span className="text-xs text-slate-600">Réseau de {l.introducedBy}</span> : null}
                  <span className="break-words text-slate-600 [overflow-wrap:anywhere]">
                    {formatDate(l.occurredAt)} · {l.invoiceNumber} · {l.supplierName}
                  </span>
                  <span className="text-slate-600">
                    {COMMISSION_KIND_LABELS[l.kind]} : {formatCommissionRate(l.rateBps)} de {formatEuros(l.baseCents)}
                  </span>
                  {l.type === "REVERSAL" ? <span className="text-xs text-red-700">Annulation (facture rejetée)</span> : null}
                </li>
              ))}
            </ul>
          </>
        )}
      </SectionCard>

      <SectionCard id="releves" title="Relevés de commissions">
        {data.statements.length === 0 ? (
          <EmptyState title="Aucun relevé pour l'instant." description="Un relevé est établi chaque début de mois pour le mois précédent." />
        ) : (
          <>
            <table className="hidden w-full md:table">
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
            {/* On a phone, one card per statement: its month, status and total, then its document. */}
            <ul className="divide-y divide-slate-100 md:hidden" aria-label="Relevés de commissions">
              {data.statements.map((s) => (
                <li key={s.id} className="flex flex-col gap-1 px-4 py-3 text-sm text-slate-800">
                  <div className="flex items-start justify-between gap-3">
                    <span className="font-medium">{formatMonth(s.month)}</span>
                    <StatementStatusBadge status={s.status} />
                  </div>
                  <span className="text-slate-600">
                    {s.number ?? "Sans numéro"} · <span className="tabular-nums">{formatEuros(s.totalCents)}</span>
                    {s.paidOn ? ` · payé le ${formatCalendarDay(s.paidOn)}` : ""}
                  </span>
                  {s.adjustments.map((a, i) => (
                    <span key={i} className="text-xs text-slate-600">
                      Ajustement {formatEuros(a.amountCents)}
                      {a.reason ? ` : ${a.reason}` : ""}
                    </span>
                  ))}
                  {s.status === "DRAFT" ? (
                    <span className="text-slate-600">En préparation</span>
                  ) : (
                    <a href={`/api/commissions/statements/${s.id}/pdf`} className="font-medium text-brand-700 hover:underline">
                      Télécharger le PDF<span className="sr-only"> du relevé {s.number}</span>
                    </a>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </SectionCard>
    </div>
  );
}
