// « Actions de la semaine »: per rep, the actions planned this week and how many are done.
import { SectionCard } from "@/components/ui/card";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { formatCalendarDay } from "@/lib/format";
import { getWeeklyActions } from "@/lib/objectives/weekly-actions";

export async function WeeklyActionsWidget({ actor }: { actor: Actor }) {
  const { week, rows } = await getWeeklyActions(actor, db);
  const span = `du ${formatCalendarDay(week.firstDay)} au ${formatCalendarDay(week.lastDay)}`;
  return (
    <SectionCard id="actions-semaine" title="Actions de la semaine">
      {/* Narrower cells on a phone: the four columns fit without scrolling. */}
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Actions de la semaine par commercial">
        <table className="w-full text-sm">
          <caption className="px-4 pt-3 text-left text-xs text-slate-600">Semaine {span} : actions faites sur actions prévues.</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-xs font-medium text-slate-600">
              <th scope="col" className="px-2 py-2 sm:px-4">
                Commercial
              </th>
              <th scope="col" className="px-2 py-2 sm:px-4 text-right">
                Faites
              </th>
              <th scope="col" className="px-2 py-2 sm:px-4 text-right">
                Prévues
              </th>
              <th scope="col" className="w-2/5 px-2 py-2 sm:px-4">
                Avancement
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => {
              const percent = row.planned > 0 ? Math.round((row.done * 100) / row.planned) : null;
              return (
                <tr key={row.userId}>
                  <th scope="row" className="px-2 py-2 sm:px-4 text-left font-medium text-slate-900">
                    {row.name}
                  </th>
                  <td className="px-2 py-2 sm:px-4 text-right tabular-nums">{row.done}</td>
                  <td className="px-2 py-2 sm:px-4 text-right tabular-nums">{row.planned}</td>
                  <td className="px-2 py-2 sm:px-4">
                    {percent === null ? (
                      <span className="text-xs text-slate-500">Aucune action prévue</span>
                    ) : (
                      <div
                        role="progressbar"
                        aria-label={`Actions faites par ${row.name}`}
                        aria-valuemin={0}
                        aria-valuemax={row.planned}
                        aria-valuenow={row.done}
                        aria-valuetext={`${row.done} sur ${row.planned}`}
                        className="h-2.5 w-full overflow-hidden rounded-full bg-slate-200"
                      >
                        <div className="h-full bg-brand-600" style={{ width: `${percent}%` }} />
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </SectionCard>
  );
}
