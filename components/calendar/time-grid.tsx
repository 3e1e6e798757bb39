"use client";

// « Semaine » and « Jour »: one column per day, one row per hour from 7:00 to 21:00; what
// starts earlier or later is listed in a row above or below. Each hour cell is a slot button
// (« Nouveau rendez-vous le … à 10:00 ») and a drop target.
import Link from "next/link";
import { AppointmentItem } from "@/components/calendar/appointment-item";
import type { GridCallbacks } from "@/components/calendar/drop-zone";
import { formatHour, formatLongDay, formatShortWeekday, moreLabel, slotLabel } from "@/lib/calendar/labels";
import { dropTarget, hiddenKey, VISIBLE_HOURS, type CalendarItem, type HourBucket } from "@/lib/calendar/layout";
import { weekdayIndex } from "@/lib/calendar/range";
import { cn } from "@/lib/cn";

const pad = (n: number) => String(n).padStart(2, "0");

export function TimeGrid({
  days,
  today,
  itemsByDay,
  hidden,
  dayHref,
  callbacks,
}: {
  days: string[];
  today: string;
  itemsByDay: Record<string, CalendarItem[]>;
  // Appointments of a day's hour row not sent (week view): « +N autres », a link to the day.
  hidden: Record<string, number>;
  // Null in the day view: the column header is not a link then.
  dayHref: ((day: string) => string) | null;
  callbacks: GridCallbacks;
}) {
  const inBucket = (day: string, bucket: HourBucket) => (itemsByDay[day] ?? []).filter((i) => i.bucket === bucket);
  const hasBucket = (bucket: HourBucket) => days.some((day) => inBucket(day, bucket).length > 0);

  function items(day: string, bucket: HourBucket) {
    const more = hidden[hiddenKey(day, bucket)] ?? 0;
    const shown = inBucket(day, bucket).map((item) => (
      <AppointmentItem
        key={item.id}
        item={item}
        compact={false}
        onMove={callbacks.onMove}
        onDragStart={callbacks.onDragStart}
        onDragEnd={callbacks.onDragEnd}
      />
    ));
    if (more === 0 || !dayHref) return shown;
    return [
      ...shown,
      <Link
        key="plus"
        href={dayHref(day)}
        aria-label={`${moreLabel(more)} le ${formatLongDay(day)}${typeof bucket === "number" ? ` à ${formatHour(bucket)}` : ""}`}
        className="pointer-events-auto self-start rounded px-1 text-xs font-medium text-brand-700 hover:underline"
      >
        {moreLabel(more)}
      </Link>,
    ];
  }

  function edgeRow(bucket: "before" | "after", label: string) {
    if (!hasBucket(bucket)) return null;
    return (
      <tr>
        <th scope="row" className="border border-slate-200 bg-slate-50 px-2 py-1 text-right align-top text-xs font-medium text-slate-500">
          {label}
        </th>
        {days.map((day) => (
          <td key={day} className="border border-slate-200 bg-slate-50 p-1 align-top">
            <div className="flex flex-col gap-1">{items(day, bucket)}</div>
          </td>
        ))}
      </tr>
    );
  }

  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={days.length > 1 ? "Semaine" : "Journée"}>
      <table className={cn("w-full table-fixed border-collapse text-sm", days.length > 1 && "min-w-[52rem]")}>
        <caption className="sr-only">{days.length > 1 ? "Rendez-vous de la semaine" : "Rendez-vous du jour"}</caption>
        <colgroup>
          <col className="w-16" />
          {days.map((day) => (
            <col key={day} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <td className="border-b border-slate-200" />
            {days.map((day) => (
              <th key={day} scope="col" className="border-b border-slate-200 px-2 py-2 text-left text-xs font-semibold text-slate-600">
                {dayHref ? (
                  <Link
                    href={dayHref(day)}
                    aria-label={`Voir le ${formatLongDay(day)}`}
                    aria-current={day === today ? "date" : undefined}
                    className={cn("rounded px-1 hover:underline", day === today && "bg-brand-600 text-white")}
                  >
                    <span className="uppercase">{formatShortWeekday(day)}</span> {Number(day.slice(8, 10))}
                  </Link>
                ) : (
                  <span aria-current={day === today ? "date" : undefined}>{formatLongDay(day)}</span>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {edgeRow("before", `Avant ${formatHour(VISIBLE_HOURS[0]!)}`)}
          {VISIBLE_HOURS.map((hour) => (
            <tr key={hour}>
              <th scope="row" className="cal-hour">
                {formatHour(hour)}
              </th>
              {days.map((day) => {
                const key = `${day}-${hour}`;
                const time = `${pad(hour)}:00`;
                const slotItems = items(day, hour);
                return (
                  <td
                    key={day}
                    {...callbacks.dropHandlers(key, (item) => dropTarget(item.startLocal, day, hour))}
                    className={cn(
                      "cal-slot",
                      weekdayIndex(day) >= 5 && "bg-slate-50/70",
                      callbacks.activeDropKey === key && "bg-brand-50 ring-2 ring-inset ring-brand-500",
                    )}
                  >
                    <button
                      type="button"
                      aria-label={slotLabel(day, time)}
                      aria-haspopup="dialog"
                      onClick={() => callbacks.onNew(`${day}T${time}`)}
                      className="cal-slot-add"
                    />
                    {/* Most of a week's 98 slots are empty: no item box for them (issue 14, HTML size). */}
                    {slotItems.length > 0 ? <div className="cal-slot-items">{slotItems}</div> : null}
                  </td>
                );
              })}
            </tr>
          ))}
          {edgeRow("after", `À partir de ${formatHour(VISIBLE_HOURS.at(-1)! + 1)}`)}
        </tbody>
      </table>
    </div>
  );
}
