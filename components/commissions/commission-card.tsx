import Link from "next/link";
import { StatementStatusBadge } from "@/components/commissions/status-badge";
import { SectionCard } from "@/components/ui/card";
import { formatMonth } from "@/lib/commissions/labels";
import type { CommissionSummary } from "@/lib/commissions/queries";
import { formatEuros } from "@/lib/format";

// The partner dashboard's « Mes commissions » card.
export function CommissionCard({ summary }: { summary: CommissionSummary }) {
  const last = summary.lastStatement;
  return (
    <SectionCard
      id="mes-commissions"
      title="Mes commissions"
      action={
        <Link href="/commissions" className="text-sm font-medium text-brand-700 hover:underline">
          Voir le détail
        </Link>
      }
    >
      <dl className="grid grid-cols-1 gap-4 px-4 py-4 sm:grid-cols-3">
        <div>
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Ce mois-ci</dt>
          <dd className="mt-1 text-xl font-semibold text-slate-900" data-testid="commission-month">
            {formatEuros(summary.monthCents)}
          </dd>
        </div>
        <div>
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Depuis le début de l&apos;année</dt>
          <dd className="mt-1 text-xl font-semibold text-slate-900">{formatEuros(summary.yearCents)}</dd>
        </div>
        <div>
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Dernier relevé</dt>
          <dd className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-800">
            {last ? (
              <>
                <span>
                  {formatMonth(last.month)}
                  {last.number ? ` (${last.number})` : ""}
                </span>
                <StatementStatusBadge status={last.status} />
              </>
            ) : (
              <span className="text-slate-500">Aucun relevé pour l&apos;instant</span>
            )}
          </dd>
        </div>
      </dl>
    </SectionCard>
  );
}
