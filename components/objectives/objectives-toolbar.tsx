"use client";

// The widget's controls: « Représentant » (managers only), the period, and « Actualiser ». The
// choice lives in the URL, so a refresh or a shared link shows the same board.
import { useId, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { controlBaseClasses } from "@/components/ui/field";
import { cn } from "@/lib/cn";
import { OBJECTIVE_PERIOD_LABELS, OBJECTIVE_PERIODS, type ObjectivePeriod } from "@/lib/objectives/period";
import type { RepOption } from "@/lib/objectives/queries";
import { hrefWith } from "@/lib/url";

export const ALL_REPS_LABEL = "Tous les représentants";

export function ObjectivesToolbar({
  period,
  repId,
  repOptions,
}: {
  period: ObjectivePeriod;
  repId: string | null;
  // Empty: the actor sees his own figures only, no dropdown.
  repOptions: RepOption[];
}) {
  const router = useRouter();
  const base = useId();
  const [navigating, startNavigation] = useTransition();
  const [refreshing, startRefresh] = useTransition();
  const query: Record<string, string> = { periode: period, ...(repId && repOptions.length > 0 ? { representant: repId } : {}) };

  const go = (changes: Record<string, string | null>) =>
    startNavigation(() => router.push(hrefWith("/", query, changes), { scroll: false }));

  const selectClasses = cn(controlBaseClasses, "h-9 pr-8");
  return (
    <div className="flex flex-wrap items-end gap-3" aria-busy={navigating || refreshing}>
      {repOptions.length > 0 ? (
        <div className="flex flex-col gap-1">
          <label htmlFor={`${base}-rep`} className="text-xs font-medium text-slate-600">
            Représentant
          </label>
          <select
            id={`${base}-rep`}
            className={selectClasses}
            value={repId ?? ""}
            onChange={(e) => go({ representant: e.target.value || null })}
          >
            <option value="">{ALL_REPS_LABEL}</option>
            {repOptions.map((rep) => (
              <option key={rep.id} value={rep.id}>
                {rep.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="flex flex-col gap-1">
        <label htmlFor={`${base}-periode`} className="text-xs font-medium text-slate-600">
          Période
        </label>
        <select id={`${base}-periode`} className={selectClasses} value={period} onChange={(e) => go({ periode: e.target.value })}>
          {OBJECTIVE_PERIODS.map((p) => (
            <option key={p} value={p}>
              {OBJECTIVE_PERIOD_LABELS[p]}
            </option>
          ))}
        </select>
      </div>
      <Button
        variant="secondary"
        size="sm"
        className="h-9"
        disabled={refreshing}
        aria-busy={refreshing}
        onClick={() => startRefresh(() => router.refresh())}
      >
        {refreshing ? "Actualisation…" : "Actualiser"}
      </Button>
      <span role="status" className="sr-only">
        {navigating || refreshing ? "Chargement du tableau…" : ""}
      </span>
    </div>
  );
}
