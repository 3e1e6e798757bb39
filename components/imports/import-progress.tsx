"use client";

// Progress of an import, read from the database on every refresh: reloading the page, or a
// worker restarting, loses nothing. Refreshes itself while the worker is at it.
import { useEffect } from "react";
import { useRouter } from "next/navigation";

export function ImportAutoRefresh({ active }: { active: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), 1500);
    return () => clearInterval(timer);
  }, [active, router]);
  return null;
}

export function ImportProgressBar({ processed, total }: { processed: number; total: number }) {
  const percent = total === 0 ? 100 : Math.round((processed / total) * 100);
  return (
    <div className="flex flex-col gap-1">
      <div
        role="progressbar"
        aria-label="Progression de l'import"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={processed}
        aria-valuetext={`${processed} ligne(s) traitée(s) sur ${total}`}
        className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full bg-brand-600 transition-all" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-sm text-slate-600">
        {processed} ligne(s) traitée(s) sur {total} ({percent} %)
      </p>
    </div>
  );
}
