import Link from "next/link";
import { ClientCommissionsTable } from "@/components/commissions/client-commissions-table";
import { CommissionLinesTable } from "@/components/commissions/commission-lines-table";
import { PartnerStatementList } from "@/components/commissions/partner-statement-list";
import { SectionCard } from "@/components/ui/card";
import { formatMonth } from "@/lib/commissions/labels";
import type { PartnerCommissions } from "@/lib/commissions/queries";
import { formatEuros } from "@/lib/format";

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
          <ClientCommissionsTable clients={data.clients} />
        </SectionCard>
      </div>

      <SectionCard id="factures-du-mois" title={`Factures financées : ${formatMonth(data.month)}`}>
        <CommissionLinesTable lines={data.lines} caption={`Factures financées : ${formatMonth(data.month)}`} emptyTitle="Aucune facture financée ce mois-ci." />
      </SectionCard>

      <SectionCard id="releves" title="Relevés de commissions">
        <PartnerStatementList statements={data.statements} />
      </SectionCard>
    </div>
  );
}
