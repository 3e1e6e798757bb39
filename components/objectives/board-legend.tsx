import { CARD_CATEGORY_SWATCH } from "@/components/objectives/card-style";
import { CARD_CATEGORY_LEGEND, CLOSING_SOON_DAYS } from "@/lib/objectives/categories";

export function BoardLegend() {
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-700">
      <h3 className="font-semibold text-slate-900">Légende</h3>
      <ul className="flex flex-wrap gap-x-4 gap-y-1">
        {(["won", "closing-soon"] as const).map((category) => (
          <li key={category} className="inline-flex items-center gap-1.5">
            <span aria-hidden="true" className={`h-3 w-3 rounded-sm ${CARD_CATEGORY_SWATCH[category]}`} />
            {CARD_CATEGORY_LEGEND[category]}
            {category === "closing-soon" ? (
              <span className="text-slate-500">(clôture prévue d&apos;ici {CLOSING_SOON_DAYS} jours)</span>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
