// « Utilisateurs »: whose appointments a manager shows. A GET form, so the choice lives in the
// URL (?utilisateurs=…) and works without JavaScript.
import { buttonClasses } from "@/components/ui/button";
import type { CalendarUserOption } from "@/lib/calendar/queries";
import type { CalendarView } from "@/lib/calendar/range";

export function CalendarUserPicker({
  options,
  selectedIds,
  view,
  anchor,
  actorId,
}: {
  options: CalendarUserOption[];
  selectedIds: string[];
  view: CalendarView;
  anchor: string;
  actorId: string;
}) {
  const selected = new Set(selectedIds);
  return (
    <form method="get" action="/calendrier" className="flex flex-col gap-2">
      <input type="hidden" name="vue" value={view} />
      <input type="hidden" name="date" value={anchor} />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium text-slate-700">Utilisateurs</legend>
        <p className="text-xs text-slate-600">Sans choix, toute l&apos;équipe est affichée.</p>
        <div className="flex flex-wrap gap-x-4 gap-y-2">
          {options.map((user) => (
            <label key={user.id} className="inline-flex items-center gap-2 text-sm text-slate-800">
              <input
                type="checkbox"
                name="utilisateurs"
                value={user.id}
                defaultChecked={selected.has(user.id)}
                className="h-4 w-4 rounded border-slate-300 text-brand-600 focus:ring-brand-600"
              />
              {user.id === actorId ? `${user.name} (moi)` : user.name}
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <button type="submit" className={buttonClasses("secondary", "sm")}>
          Afficher
        </button>
      </div>
    </form>
  );
}
