"use client";

// Reminders (and assignments) pop up at the bottom of the screen on whatever page is open:
// the server is asked every few seconds, and when the tab comes back to the front. The server
// hands each notification out once (POST /api/notifications/toasts marks it shown), so it pops
// up in one tab only and not again after a reload; it stays in the bell until read.
import { useCallback, useEffect, useRef, useState } from "react";
import { NOTIFICATION_KIND_LABELS } from "@/lib/notifications/labels";
import type { NotificationKind } from "@/lib/generated/prisma/enums";

export const TOAST_POLL_MS = 10_000;
const TOAST_LIFETIME_MS = 30_000;
// The bell (and anything else counting notifications) listens for this to refresh itself.
export const NOTIFICATIONS_CHANGED_EVENT = "notifications:changed";

type ToastItem = { id: string; kind: NotificationKind; title: string; body: string | null; link: string | null };

function parseToasts(body: unknown): ToastItem[] {
  if (!body || typeof body !== "object" || !Array.isArray((body as { toasts?: unknown }).toasts)) return [];
  return (body as { toasts: unknown[] }).toasts.flatMap((raw) => {
    if (!raw || typeof raw !== "object") return [];
    const t = raw as Record<string, unknown>;
    if (typeof t.id !== "string" || typeof t.title !== "string" || typeof t.kind !== "string") return [];
    return [
      {
        id: t.id,
        kind: t.kind as NotificationKind,
        title: t.title,
        body: typeof t.body === "string" ? t.body : null,
        link: typeof t.link === "string" ? t.link : null,
      },
    ];
  });
}

function Toast({ toast, onClose }: { toast: ToastItem; onClose: (id: string) => void }) {
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    if (paused) return;
    const timer = setTimeout(() => onClose(toast.id), TOAST_LIFETIME_MS);
    return () => clearTimeout(timer);
  }, [paused, toast.id, onClose]);

  return (
    <div
      className="pointer-events-auto flex gap-3 rounded-lg border border-amber-200 bg-white p-4 shadow-lg ring-1 ring-black/5"
      data-testid="toast"
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="mt-0.5 h-5 w-5 shrink-0 text-amber-600" fill="none" stroke="currentColor" strokeWidth={1.8}>
        <path strokeLinecap="round" strokeLinejoin="round" d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      <div className="min-w-0 flex-1">
        <p className="text-xs font-medium uppercase tracking-wide text-amber-700">{NOTIFICATION_KIND_LABELS[toast.kind] ?? "Notification"}</p>
        <p className="mt-0.5 break-words text-sm font-semibold text-slate-900">{toast.title}</p>
        {toast.body ? <p className="mt-1 break-words text-sm text-slate-600">{toast.body}</p> : null}
        {toast.link ? (
          // A POST to /notifications/<id>: opening it marks it read, then goes to the task.
          <form method="post" action={`/notifications/${encodeURIComponent(toast.id)}`} className="mt-2">
            <button type="submit" className="text-sm font-medium text-brand-700 hover:underline">
              {toast.kind === "REMINDER" || toast.link.startsWith("/actions/") ? "Ouvrir la tâche" : "Ouvrir"}
            </button>
          </form>
        ) : null}
      </div>
      <button
        type="button"
        aria-label="Fermer la notification"
        onClick={() => onClose(toast.id)}
        className="-m-1 h-8 w-8 shrink-0 rounded-md text-slate-500 hover:bg-slate-100 hover:text-slate-800"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="mx-auto h-5 w-5" fill="none" stroke="currentColor" strokeWidth={2}>
          <path strokeLinecap="round" d="M6 6l12 12M18 6 6 18" />
        </svg>
      </button>
    </div>
  );
}

export function ReminderToaster() {
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const inFlight = useRef(false);

  const close = useCallback((id: string) => setToasts((current) => current.filter((t) => t.id !== id)), []);

  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      // A tab in the background would use up the toast where nobody sees it.
      if (stopped || inFlight.current || document.visibilityState !== "visible") return;
      inFlight.current = true;
      try {
        const response = await fetch("/api/notifications/toasts", { method: "POST", cache: "no-store" });
        if (response.status === 401) {
          stopped = true;
          return;
        }
        if (!response.ok) return;
        const fresh = parseToasts(await response.json());
        if (fresh.length === 0) return;
        setToasts((current) => [...current, ...fresh.filter((t) => !current.some((c) => c.id === t.id))]);
        window.dispatchEvent(new CustomEvent(NOTIFICATIONS_CHANGED_EVENT));
      } catch {
        // Offline for a moment: the next tick asks again, nothing was marked shown.
      } finally {
        inFlight.current = false;
      }
    };
    const onVisible = () => void poll();
    void poll();
    const timer = setInterval(onVisible, TOAST_POLL_MS);
    window.addEventListener("focus", onVisible);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      stopped = true;
      clearInterval(timer);
      window.removeEventListener("focus", onVisible);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, []);

  return (
    <div
      role="status"
      aria-live="polite"
      aria-label="Rappels et notifications"
      className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex flex-col items-center gap-2 p-4 sm:items-end"
    >
      {toasts.map((toast) => (
        <div key={toast.id} className="w-full max-w-sm">
          <Toast toast={toast} onClose={close} />
        </div>
      ))}
    </div>
  );
}
