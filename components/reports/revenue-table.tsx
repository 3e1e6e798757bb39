// The figures of the revenue report: reps in rows, Paris months in columns, with totals.
import { EmptyState } from "@/components/ui/empty-state";
import { formatEuros } from "@/lib/format";
import type { RevenueReport } from "@/lib/reports/revenue-report";
import { formatMonthKey } from "@/lib/reports/revenue-period";

const cell = "whitespace-nowrap px-3 py-2 text-right tabular-nums";
// The rep's name stays in view while the months scroll under it.
const stickyName = "sticky left-0 z-10 shadow-[1px_0_0_var(--color-slate-200)]";

function amount(cents: number): string {
  return cents === 0 ? "—" : formatEuros(cents);
}

export function RevenueTable({ report }: { report: RevenueReport }) {
  const { months } = report.period;
  if (report.reps.length === 0) {
    return <EmptyState title="Aucune opportunité gagnée sur cette période." description="Élargissez la période ou retirez des filtres." />;
  }
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby="ca-tableau-titre">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption id="ca-tableau-titre" className="sr-only">
          Chiffre d&apos;affaires par commercial et par mois
        </caption>
        <thead className="bg-slate-50 text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className={`${stickyName} bg-slate-50 px-3 py-2 text-left`}>
              Commercial
            </th>
            {months.map((m) => (
              <th key={m} scope="col" className="whitespace-nowrap px-3 py-2 text-right">
                <abbr title={formatMonthKey(m, "long")} className="no-underline">
                  {formatMonthKey(m)}
                </abbr>
              </th>
            ))}
            <th scope="col" className="px-3 py-2 text-right">
              Total
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 text-slate-700">
          {report.reps.map((rep) => (
            <tr key={rep.ownerId ?? "sans"}>
              <th scope="row" className={`${stickyName} whitespace-nowrap bg-white px-3 py-2 text-left font-medium text-slate-900`}>
                {rep.name}
              </th>
              {rep.byMonthCents.map((cents, i) => (
                <td key={months[i]} className={cell}>
                  {amount(cents)}
                </td>
              ))}
              <td className={`${cell} font-semibold text-slate-900`}>{formatEuros(rep.totalCents)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot className="bg-slate-50 font-semibold text-slate-900">
          <tr>
            <th scope="row" className={`${stickyName} bg-slate-50 px-3 py-2 text-left`}>
              Total
            </th>
            {report.monthTotalsCents.map((cents, i) => (
              <td key={months[i]} className={cell}>
                {amount(cents)}
              </td>
            ))}
            <td className={cell}>{formatEuros(report.totalCents)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
