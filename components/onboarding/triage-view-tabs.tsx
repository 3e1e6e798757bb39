import Link from "next/link";
import { cn } from "@/lib/cn";
import { TRIAGE_VIEW_LABELS, TRIAGE_VIEWS, type TriageView } from "@/lib/onboarding/triage-schemas";
import { hrefWith } from "@/lib/url";

// Which files the inbox lists; the choice lives in the URL like every list filter.
export function TriageViewTabs({ current, query }: { current: TriageView; query: Record<string, string> }) {
  return (
    <nav aria-label="Filtrer les dossiers" className="mb-4">
      <ul className="flex flex-wrap gap-2">
        {TRIAGE_VIEWS.map((view) => {
          const active = view === current;
          return (
            <li key={view}>
              <Link
                href={hrefWith("/dossiers-prets", query, { vue: view === "a-traiter" ? null : view, page: null })}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "inline-flex h-9 items-center rounded-full border px-4 text-sm font-medium",
                  active
                    ? "border-brand-600 bg-brand-600 text-white"
                    : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
                )}
              >
                {TRIAGE_VIEW_LABELS[view]}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
