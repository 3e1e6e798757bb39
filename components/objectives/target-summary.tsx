import { formatShare } from "@/lib/objectives/categories";
import { formatEuros } from "@/lib/format";

// « Objectif », « Réalisé » and the share achieved, with a bar capped at 100 % (the text
// says 125 % when the target is beaten).
export function TargetSummary({
  targetCents,
  achievedCents,
  share,
  periodLabel,
}: {
  targetCents: number;
  achievedCents: number;
  share: number | null;
  periodLabel: string;
}) {
  return (
    <div className="flex flex-col gap-2 rounded-md border border-slate-200 bg-slate-50 px-4 py-3">
      <dl className="flex flex-wrap gap-x-8 gap-y-1 text-sm">
        <div>
          <dt className="text-xs font-medium text-slate-600">Objectif</dt>
          <dd className="font-semibold tabular-nums text-slate-900">{targetCents > 0 ? formatEuros(targetCents) : "Non défini"}</dd>
        </div>
        <div>
          <dt className="text-xs font-medium text-slate-600">Réalisé</dt>
          <dd className="font-semibold tabular-nums text-slate-900">{formatEuros(achievedCents)}</dd>
        </div>
        <div>
          <dt className="text-xs font-medium text-slate-600">Part réalisée</dt>
          <dd className="font-semibold tabular-nums text-slate-900">{share === null ? "—" : formatShare(share)}</dd>
        </div>
      </dl>
      {share === null ? (
        <p className="text-xs text-slate-600">Aucun objectif défini pour {periodLabel}.</p>
      ) : (
        <div
          role="progressbar"
          aria-label="Part de l'objectif réalisée"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.min(share, 100)}
          aria-valuetext={formatShare(share)}
          className="h-2.5 w-full overflow-hidden rounded-full bg-slate-200"
        >
          <div
            className={share >= 100 ? "h-full bg-emerald-600" : "h-full bg-brand-600"}
            style={{ width: `${Math.min(share, 100)}%` }}
          />
        </div>
      )}
    </div>
  );
}
