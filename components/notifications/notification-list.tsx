import { MarkReadButton } from "@/components/notifications/mark-read-buttons";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { KeysetPagination, type KeysetPagerState } from "@/components/ui/keyset-pagination";
import { formatDateTime } from "@/lib/format";
import { cn } from "@/lib/cn";
import { NOTIFICATION_KIND_LABELS, NOTIFICATION_KIND_TONES } from "@/lib/notifications/labels";
import type { NotificationRow } from "@/lib/notifications/queries";

export function NotificationList({
  rows,
  page,
  query,
  unreadOnly,
}: {
  rows: NotificationRow[];
  page: KeysetPagerState;
  query: Record<string, string>;
  unreadOnly: boolean;
}) {
  if (rows.length === 0) {
    return (
      <Card>
        <EmptyState
          title={unreadOnly ? "Aucune notification non lue." : "Aucune notification pour le moment."}
          description="Les alertes (dossiers prêts à démarrer, dossiers clients complétés, échecs d'envoi…) apparaîtront ici."
        />
      </Card>
    );
  }
  return (
    <Card>
      <ul className="divide-y divide-slate-100">
        {rows.map((n) => {
          const unread = !n.readAt;
          return (
            <li key={n.id} className={cn("flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-start sm:justify-between", unread && "bg-brand-50/60")}>
              <div className="min-w-0">
                <div className="flex flex-wrap items-center gap-2">
                  {unread ? (
                    <span className="h-2 w-2 shrink-0 rounded-full bg-brand-600" aria-hidden="true" />
                  ) : null}
                  <Badge tone={NOTIFICATION_KIND_TONES[n.kind]}>{NOTIFICATION_KIND_LABELS[n.kind]}</Badge>
                  <time dateTime={n.createdAt.toISOString()} className="text-xs tabular-nums text-slate-600">
                    {formatDateTime(n.createdAt)}
                  </time>
                  {unread ? <span className="sr-only">Non lue</span> : null}
                </div>
                <p className={cn("mt-1 text-sm text-slate-900", unread && "font-semibold")}>
                  {n.link ? (
                    // A POST: opening it marks the notification read, then goes to its target.
                    <form method="post" action={`/notifications/${encodeURIComponent(n.id)}`} className="inline">
                      <button type="submit" className={cn("text-left text-brand-700 underline-offset-2 hover:underline", unread && "font-semibold")}>
                        {n.title}
                      </button>
                    </form>
                  ) : (
                    n.title
                  )}
                </p>
                {n.body ? <p className="mt-0.5 whitespace-pre-line break-words text-sm text-slate-600">{n.body}</p> : null}
              </div>
              {unread ? (
                <div className="shrink-0">
                  <MarkReadButton id={n.id} title={n.title} />
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
      {page.hasPrevious || page.hasNext ? (
        <nav aria-label="Pagination" className="border-t border-slate-200 px-4 py-3">
          <KeysetPagination pathname="/notifications" query={query} page={page} />
        </nav>
      ) : null}
    </Card>
  );
}
