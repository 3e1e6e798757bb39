import type { Metadata } from "next";
import Link from "next/link";
import { MarkAllReadButton } from "@/components/notifications/mark-read-buttons";
import { NotificationList } from "@/components/notifications/notification-list";
import { PageHeader } from "@/components/ui/page-header";
import { cn } from "@/lib/cn";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { findNotifications } from "@/lib/notifications/queries";
import { parseNotificationListParams } from "@/lib/notifications/schemas";
import { parseKeysetRequest } from "@/lib/pagination/keyset";

export const metadata: Metadata = { title: "Notifications" };

function FilterLink({ href, active, children }: { href: string; active: boolean; children: string }) {
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "rounded-md px-3 py-1.5 text-sm font-medium",
        active ? "bg-brand-100 text-brand-800" : "text-slate-600 hover:bg-slate-100",
      )}
    >
      {children}
    </Link>
  );
}

export default async function NotificationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireUser();
  const raw = await searchParams;
  const params = parseNotificationListParams(raw);
  const result = await findNotifications(db, actor.id, params, parseKeysetRequest(raw));
  const query: Record<string, string> = params.unreadOnly ? { unread: "1" } : {};

  return (
    <>
      <PageHeader
        title="Notifications"
        description={
          result.unread === 0
            ? "Vous êtes à jour : aucune notification non lue."
            : result.unread === 1
              ? "1 notification non lue."
              : `${result.unread} notifications non lues.`
        }
        actions={result.unread > 0 ? <MarkAllReadButton /> : undefined}
      />
      <nav aria-label="Filtrer les notifications" className="mb-4 flex gap-2">
        <FilterLink href="/notifications" active={!params.unreadOnly}>
          Toutes
        </FilterLink>
        <FilterLink href="/notifications?unread=1" active={params.unreadOnly}>
          Non lues
        </FilterLink>
      </nav>
      <NotificationList rows={result.rows} page={result} query={query} unreadOnly={params.unreadOnly} />
    </>
  );
}
