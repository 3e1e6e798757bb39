import { formatEuros } from "@/lib/format";
import { formatVatRate, type QuoteTotals } from "@/lib/quotes/totals";

// « Total HT », « TVA » (with the base of each rate when there are several), « Total TTC ».
export function QuoteTotalsBlock({
  totals,
  live = false,
}: {
  totals: Pick<QuoteTotals, "totalHtCents" | "vat" | "totalVatCents" | "totalTtcCents">;
  // The form's totals follow the typing: announce them politely to screen readers.
  live?: boolean;
}) {
  return (
    <dl
      aria-label="Totaux du devis"
      aria-live={live ? "polite" : undefined}
      className="ml-auto grid w-full max-w-sm grid-cols-[1fr_auto] gap-x-6 gap-y-1 text-sm"
    >
      <dt className="text-slate-600">Total HT</dt>
      <dd className="text-right tabular-nums text-slate-900">{formatEuros(totals.totalHtCents)}</dd>
      <dt className="text-slate-600">TVA</dt>
      <dd className="text-right tabular-nums text-slate-900">{formatEuros(totals.totalVatCents)}</dd>
      {totals.vat.length > 1
        ? totals.vat.map((v) => (
            <div key={v.rateBps} className="contents text-xs text-slate-500">
              <dt className="pl-3">
                dont TVA {formatVatRate(v.rateBps)} sur {formatEuros(v.baseHtCents)}
              </dt>
              <dd className="text-right tabular-nums">{formatEuros(v.vatCents)}</dd>
            </div>
          ))
        : null}
      <dt className="border-t border-slate-200 pt-1 font-semibold text-slate-900">Total TTC</dt>
      <dd className="border-t border-slate-200 pt-1 text-right font-semibold tabular-nums text-slate-900">
        {formatEuros(totals.totalTtcCents)}
      </dd>
    </dl>
  );
}
