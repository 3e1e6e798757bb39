"use client";

// The bell in the top bar: the count is rendered by the server with the page, then refreshed on
// each navigation, when the tab regains focus and when a toast pops up (layouts are not re-rendered on navigation).
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { NOTIFICATIONS_CHANGED_EVENT } from "@/components/notifications/reminder-toaster";
import { cn } from "@/lib/cn";
import { unreadLabel } from "@/lib/notifications/labels";

export function NotificationBell({ initialCount }: { initialCount: number }) {
  const pathname = usePathname();
  const [count, setCount] = useState(initialCount);
  const [lastInitial, setLastInitial] = useState(initialCount);
  // A server re-render (after marking as read) brings a fresher count.
  if (initialCount !== lastInitial) {
    setLastInitial(initialCount);
    setCount(initialCount);
  }

  useEffect(() => {
    let cancelled = false;
    const refresh = async () => {
      try {
        const response = await fetch("/api/notifications/unread-count", { cache: "no-store" });
        if (!response.ok) return;
        const body = (await response.json()) as { count?: unknown };
        if (!cancelled && typeof body.count === "number") setCount(body.count);
      } catch {
        // Offline for a moment: the count shown stays until the next navigation.
      }
    };
    void refresh();
    const onFocus = () => void refresh();
    window.addEventListener("focus", onFocus);
    // The toaster just showed a new reminder: the count changed without a navigation.
    window.addEventListener(NOTIFICATIONS_CHANGED_EVENT, onFocus);
    return () => {
      cancelled = true;
      window.removeEventListener("focus", onFocus);
      window.removeEventListener(NOTIFICATIONS_CHANGED_EVENT, onFocus);
    };
  }, [pathname]);

  const active = pathname === "/notifications";
  return (
    <Link
      href="/notifications"
      aria-label={unreadLabel(count)}
      aria-current={active ? "page" : undefined}
      className={cn(
        "relative inline-flex h-10 w-10 items-center justify-center rounded-md text-brand-100 hover:bg-white/10 hover:text-white focus-visible:outline-white",
        active && "bg-white/15 text-white",
      )}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth={1.8}>
        <path strokeLinecap="round" strokeLinejoin="round" d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {count > 0 ? (
        <span
          aria-hidden="true"
          data-testid="notification-count"
          className="absolute -right-0.5 -top-0.5 flex h-5 min-w-5 items-center justify-center rounded-full bg-red-600 px-1 text-[11px] font-semibold leading-none text-white ring-2 ring-brand-900"
        >
          {count > 99 ? "99+" : count}
        </span>
      ) : null}
    </Link>
  );
}
