"use client";

// « Mois »: whole weeks, Monday first; up to three appointments a day, then « +N autres »
// leading to that day. Each day's « + » proposes an appointment at 09:00.
import Link from "next/link";
import { AppointmentItem } from "@/components/calendar/appointment-item";
import type { GridCallbacks } from "@/components/calendar/drop-zone";
import { formatLongDay, moreLabel, slotLabel, WEEKDAY_NAMES } from "@/lib/calendar/labels";
import { dropTarget, hiddenKey, MONTH_VISIBLE_ITEMS, type CalendarItem } from "@/lib/calendar/layout";
import { cn } from "@/lib/cn";

const MONTH_SLOT_TIME = "09:00";

export function MonthGrid({
  days,
  month,
  today,
  itemsByDay,
  hidden: hiddenByKey,
  dayHref,
  callbacks,
}: {
  days: string[];
  // "YYYY-MM": days of other months are dimmed.
  month: string;
  today: string;
  itemsByDay: Record<string, CalendarItem[]>;
  hidden: Record<string, number>;
  dayHref: (day: string) => string;
  callbacks: GridCallbacks;
}) {
  const weeks: string[][] = [];
  for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));

  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Mois">
      <table className="w-full min-w-[44rem] table-fixed border-collapse text-sm">
        <caption className="sr-only">Rendez-vous du mois</caption>
        <thead>
          <tr>
            {WEEKDAY_NAMES.map((name) => (
              <th key={name} scope="col" className="border-b border-slate-200 px-2 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                {name.slice(0, 3)}.<span className="sr-only">{name.slice(3)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((day) => {
                const items = itemsByDay[day] ?? [];
                const shown = items.slice(0, MONTH_VISIBLE_ITEMS);
                // Left out by the server, plus any a move has just added beyond the limit.
                const hidden = (hiddenByKey[hiddenKey(day)] ?? 0) + items.length - shown.length;
                const outside = !day.startsWith(month);
                const key = `mois-${day}`;
                return (
                  <td
                    key={day}
                    {...callbacks.dropHandlers(key, (item) => dropTarget(item.startLocal, day))}
                    className={cn(
                      "h-32 border border-slate-200 p-0 align-top",
                      outside && "bg-slate-50",
                      callbacks.activeDropKey === key && "bg-brand-50 ring-2 ring-inset ring-brand-500",
                    )}
                  >
                    <div className="flex flex-col gap-1 p-1">
                      <div className="flex items-center justify-between gap-1">
                        <Link
                          href={dayHref(day)}
                          aria-label={`Voir le ${formatLongDay(day)}`}
                          aria-current={day === today ? "date" : undefined}
                          className={cn(
                            "inline-flex h-6 w-6 items-center justify-center self-start rounded-full text-xs font-medium hover:bg-slate-200",
                            day === today ? "bg-brand-600 text-white hover:bg-brand-700" : outside ? "text-slate-400" : "text-slate-700",
                          )}
                        >
                          {Number(day.slice(8, 10))}
                        </Link>
                        <button
                          type="button"
                          aria-label={slotLabel(day, MONTH_SLOT_TIME)}
                          aria-haspopup="dialog"
                          title="Nouveau rendez-vous"
                          onClick={() => callbacks.onNew(`${day}T${MONTH_SLOT_TIME}`)}
                          className="inline-flex h-6 w-6 items-center justify-center rounded text-base leading-none text-slate-400 hover:bg-brand-50 hover:text-brand-700 focus-visible:outline-2 focus-visible:outline-brand-600"
                        >
                          <span aria-hidden="true">+</span>
                        </button>
                      </div>
                      {shown.map((item) => (
                        <AppointmentItem
                          key={item.id}
                          item={item}
                          compact
                          onMove={callbacks.onMove}
                          onDragStart={callbacks.onDragStart}
                          onDragEnd={callbacks.onDragEnd}
                        />
                      ))}
                      {hidden > 0 ? (
                        <Link
                          href={dayHref(day)}
                          className="self-start rounded px-1 text-xs font-medium text-brand-700 hover:underline"
                        >
                          {moreLabel(hidden)}
                        </Link>
                      ) : null}
                    </div>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
