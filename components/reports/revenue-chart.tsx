// Won revenue per month, one stacked segment per rep: a server-rendered SVG (no chart library,
// no client JavaScript). The figure's text alternative summarises it; the table below it
// carries every figure.
import { formatEuros } from "@/lib/format";
import type { RevenueReport } from "@/lib/reports/revenue-report";
import { formatMonthKey } from "@/lib/reports/revenue-period";

export const REP_COLORS = ["#2563eb", "#16a34a", "#ea580c", "#9333ea", "#0891b2", "#db2777", "#ca8a04", "#475569"] as const;

export function repColor(index: number): string {
  return REP_COLORS[index % REP_COLORS.length]!;
}

// The smallest 1, 2, 2.5 or 5 × 10ⁿ at or above the value, so the axis reads in round figures.
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

const compactEuros = new Intl.NumberFormat("fr-FR", {
  style: "currency",
  currency: "EUR",
  notation: "compact",
  minimumFractionDigits: 0,
  maximumFractionDigits: 1,
});

const HEIGHT = 280;
const MARGIN = { top: 16, right: 16, bottom: 44, left: 72 };
const SLOT = 56;

export function RevenueChart({ report }: { report: RevenueReport }) {
  const { months } = report.period;
  const maxEuros = Math.max(0, ...report.monthTotalsCents) / 100;
  if (maxEuros === 0) return null;
  const top = niceCeiling(maxEuros);
  const width = MARGIN.left + MARGIN.right + months.length * SLOT;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const y = (euros: number) => MARGIN.top + plotHeight - (euros / top) * plotHeight;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * top);
  const best = report.monthTotalsCents.indexOf(Math.max(...report.monthTotalsCents));
  const summary =
    `Chiffre d'affaires gagné de ${formatMonthKey(months[0]!, "long")} à ${formatMonthKey(months.at(-1)!, "long")} : ` +
    `${formatEuros(report.totalCents)} au total, réparti entre ${report.reps.length} commercia${report.reps.length > 1 ? "ux" : "l"}. ` +
    `Mois le plus élevé : ${formatMonthKey(months[best]!, "long")} (${formatEuros(report.monthTotalsCents[best]!)}). ` +
    "Le détail par commercial et par mois figure dans le tableau.";

  return (
    <figure className="flex flex-col gap-3">
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Graphique du chiffre d'affaires par mois">
        <svg
          role="img"
          aria-labelledby="ca-graphique-titre ca-graphique-description"
          viewBox={`0 0 ${width} ${HEIGHT}`}
          // Fits the card on a desktop; below that width (a phone), the region scrolls instead of
          // shrinking the labels out of legibility.
          style={{ minWidth: Math.round(width * 0.7) }}
          className="h-auto w-full text-slate-600"
        >
          <title id="ca-graphique-titre">Chiffre d&apos;affaires par commercial et par mois</title>
          <desc id="ca-graphique-description">{summary}</desc>
          {ticks.map((tick) => (
            <g key={tick}>
              <line x1={MARGIN.left} x2={width - MARGIN.right} y1={y(tick)} y2={y(tick)} stroke="#e2e8f0" />
              <text x={MARGIN.left - 8} y={y(tick)} dy="0.32em" textAnchor="end" fontSize="11" fill="currentColor">
                {compactEuros.format(tick)}
              </text>
            </g>
          ))}
          {months.map((month, m) => {
            const x = MARGIN.left + m * SLOT + SLOT * 0.2;
            let base = 0;
            return (
              <g key={month}>
                {report.reps.map((rep, r) => {
                  const euros = rep.byMonthCents[m]! / 100;
                  if (euros <= 0) return null;
                  const rect = (
                    <rect key={rep.ownerId ?? "sans"} x={x} width={SLOT * 0.6} y={y(base + euros)} height={y(base) - y(base + euros)} fill={repColor(r)}>
                      <title>{`${rep.name} — ${formatMonthKey(month, "long")} : ${formatEuros(rep.byMonthCents[m]!)}`}</title>
                    </rect>
                  );
                  base += euros;
                  return rect;
                })}
                {/* « janv. » over « 2026 »: one line would overlap its neighbours. */}
                <text y={HEIGHT - MARGIN.bottom + 16} textAnchor="middle" fontSize="11" fill="currentColor">
                  {formatMonthKey(month)
                    .split(" ")
                    .map((part, line) => (
                      <tspan key={part} x={x + SLOT * 0.3} dy={line === 0 ? 0 : "1.2em"}>
                        {part}
                      </tspan>
                    ))}
                </text>
              </g>
            );
          })}
          <line x1={MARGIN.left} x2={width - MARGIN.right} y1={y(0)} y2={y(0)} stroke="#94a3b8" />
        </svg>
      </div>
      <figcaption>
        <span className="sr-only">Légende : </span>
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
          {report.reps.map((rep, r) => (
            <li key={rep.ownerId ?? "sans"} className="flex items-center gap-1.5">
              <span aria-hidden="true" className="h-3 w-3 rounded-sm" style={{ backgroundColor: repColor(r) }} />
              {rep.name}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
