// The calendar's navigation, all plain links (the state lives in the URL): the view
// (« Mois », « Semaine », « Jour ») and the period (« Précédent », « Aujourd'hui », « Suivant »).
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { LinkPending } from "@/components/ui/link-pending";
import { cn } from "@/lib/cn";
import { CALENDAR_VIEW_LABELS, CALENDAR_VIEWS, shiftAnchor, type CalendarView } from "@/lib/calendar/range";
import { hrefWith } from "@/lib/url";

export function CalendarToolbar({
  view,
  anchor,
  today,
  title,
  query,
}: {
  view: CalendarView;
  anchor: string;
  today: string;
  title: string;
  query: Record<string, string>;
}) {
  const href = (changes: Record<string, string>) => hrefWith("/calendrier", query, changes);
  return (
    <div className="flex flex-col gap-3 lg:flex-row lg:items-center lg:justify-between">
      <div className="flex flex-wrap items-center gap-3">
        <nav aria-label="Période" className="flex items-center gap-1">
          <Link href={href({ date: shiftAnchor(view, anchor, -1) })} className={buttonClasses("secondary", "sm")}>
            Précédent
            <LinkPending />
          </Link>
          <Link
            href={href({ date: today })}
            aria-current={anchor === today ? "date" : undefined}
            className={buttonClasses("secondary", "sm")}
          >
            Aujourd&apos;hui
            <LinkPending />
          </Link>
          <Link href={href({ date: shiftAnchor(view, anchor, 1) })} className={buttonClasses("secondary", "sm")}>
            Suivant
            <LinkPending />
          </Link>
        </nav>
        <h2 className="text-lg font-semibold text-slate-900" aria-live="polite">
          {title}
        </h2>
      </div>
      <nav aria-label="Vue du calendrier" className="inline-flex self-start rounded-md border border-slate-300 bg-white p-0.5 shadow-sm">
        {CALENDAR_VIEWS.map((v) => (
          <Link
            key={v}
            href={href({ vue: v })}
            aria-current={v === view ? "page" : undefined}
            className={cn(
              "inline-flex items-center gap-1 rounded px-3 py-1 text-sm font-medium",
              v === view ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100",
            )}
          >
            {CALENDAR_VIEW_LABELS[v]}
            <LinkPending />
          </Link>
        ))}
      </nav>
    </div>
  );
}
