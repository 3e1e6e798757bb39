// Where each appointment goes on screen: its Paris day and hour row, with the texts the grid
// shows and reads out. Pure and client-safe: the page computes it on the server and hands the
// client plain strings, so the browser's own time zone never matters.
import { formatLongDay } from "@/lib/calendar/labels";
import { parisTimeOf, type CalendarView } from "@/lib/calendar/range";
import { parisDayOf } from "@/lib/dates";
import { utcToParisLocalInput } from "@/lib/dates";

// Hour rows of the week and day views: 7:00 to 21:00; earlier and later ones are listed above
// and below.
export const FIRST_HOUR = 7;
export const END_HOUR = 21;
export const VISIBLE_HOURS = Array.from({ length: END_HOUR - FIRST_HOUR }, (_, i) => FIRST_HOUR + i);

export type HourBucket = number | "before" | "after";

export type CalendarItem = {
  id: string;
  subject: string;
  day: string;
  bucket: HourBucket;
  // Paris wall clock.
  startLocal: string;
  startTime: string;
  endTime: string;
  durationMinutes: number;
  done: boolean;
  typeName: string;
  color: string;
  prospectName: string;
  assigneeName: string | null;
  accessibleName: string;
};

export type LayoutInput = {
  id: string;
  subject: string;
  start: Date;
  end: Date;
  done: boolean;
  type: { name: string; color: string };
  prospect: { name: string };
  assignee: { name: string } | null;
};

function bucketOf(time: string): HourBucket {
  const hour = Number(time.slice(0, 2));
  if (hour < FIRST_HOUR) return "before";
  if (hour >= END_HOUR) return "after";
  return hour;
}

// Each appointment on its start day; one that began before the first day shown (it overlaps
// the range) is listed at the top of that first day.
export function layoutAppointments(
  appointments: readonly LayoutInput[],
  days: readonly string[],
  options: { showAssignee: boolean },
): Record<string, CalendarItem[]> {
  const byDay: Record<string, CalendarItem[]> = Object.fromEntries(days.map((d) => [d, []]));
  const first = days[0];
  if (!first) return byDay;
  for (const a of appointments) {
    const startDay = parisDayOf(a.start);
    const startTime = parisTimeOf(a.start);
    const endTime = parisTimeOf(a.end);
    const endDay = parisDayOf(a.end);
    const shownDay = byDay[startDay] ? startDay : startDay < first ? first : null;
    if (!shownDay) continue;
    const bucket = shownDay === startDay ? bucketOf(startTime) : "before";
    const until = endDay === startDay ? endTime : `${formatLongDay(endDay)} ${endTime}`;
    const assigneeName = options.showAssignee ? (a.assignee?.name ?? null) : null;
    const accessibleName = [
      `${a.type.name} : ${a.subject}`,
      a.prospect.name,
      `${formatLongDay(startDay)} de ${startTime} à ${until}`,
      ...(a.done ? ["fait"] : []),
      ...(assigneeName ? [assigneeName] : []),
    ].join(", ");
    byDay[shownDay]!.push({
      id: a.id,
      subject: a.subject,
      day: shownDay,
      bucket,
      startLocal: utcToParisLocalInput(a.start),
      startTime,
      endTime,
      durationMinutes: Math.round((a.end.getTime() - a.start.getTime()) / 60_000),
      done: a.done,
      typeName: a.type.name,
      color: a.type.color,
      prospectName: a.prospect.name,
      assigneeName,
      accessibleName,
    });
  }
  return byDay;
}

// What the grid shows of a busy period; the rest is behind « +N autres », a link to the day,
// whose view lists everything. The server sends only what is shown (issue 14: a busy rep's week
// at 100k prospects was 199 appointments and 334 kB of HTML).
export const MONTH_VISIBLE_ITEMS = 3;
export const WEEK_VISIBLE_PER_SLOT = 3;

// Where « +N autres » goes: a day of the month view, or a day's hour row of the week view.
export function hiddenKey(day: string, bucket?: HourBucket): string {
  return bucket === undefined ? day : `${day} ${bucket}`;
}

// The items the view shows (in their start order) and, by hiddenKey, how many it leaves out.
export function keepShownItems(
  itemsByDay: Record<string, CalendarItem[]>,
  view: CalendarView,
): { itemsByDay: Record<string, CalendarItem[]>; hidden: Record<string, number> } {
  if (view === "jour") return { itemsByDay, hidden: {} };
  const shown: Record<string, CalendarItem[]> = {};
  const hidden: Record<string, number> = {};
  for (const [day, items] of Object.entries(itemsByDay)) {
    const perKey = new Map<string, number>();
    shown[day] = items.filter((item) => {
      const key = view === "mois" ? hiddenKey(day) : hiddenKey(day, item.bucket);
      const seen = perKey.get(key) ?? 0;
      perKey.set(key, seen + 1);
      if (seen < (view === "mois" ? MONTH_VISIBLE_ITEMS : WEEK_VISIBLE_PER_SLOT)) return true;
      hidden[key] = (hidden[key] ?? 0) + 1;
      return false;
    });
  }
  return { itemsByDay: shown, hidden };
}

// The new start of an appointment dropped on a day (month view: same time of day) or on an
// hour row (same minutes within the hour). Both are Paris wall clock.
export function dropTarget(startLocal: string, day: string, hour?: number): string {
  const time = startLocal.slice(11, 16);
  if (hour === undefined) return `${day}T${time}`;
  return `${day}T${String(hour).padStart(2, "0")}:${time.slice(3, 5)}`;
}
