import { cn } from "@/lib/cn";

export const ONBOARDING_STEPS = ["Vos informations", "Vos documents", "Validation"] as const;

// Where the client is among the three steps: numbered dots, a bar, and the same in words for
// screen readers (aria-current on the step being filled in).
export function ProgressSteps({ current }: { current: 1 | 2 | 3 }) {
  return (
    <nav aria-label="Progression" className="mb-6">
      <p className="mb-2 text-sm font-medium text-slate-600">
        Étape {current} sur {ONBOARDING_STEPS.length}
      </p>
      <div className="h-2 overflow-hidden rounded-full bg-slate-200" aria-hidden="true">
        <div
          className="h-full rounded-full bg-brand-600 transition-all"
          style={{ width: `${(current / ONBOARDING_STEPS.length) * 100}%` }}
        />
      </div>
      <ol className="mt-3 grid grid-cols-3 gap-2 text-xs sm:text-sm">
        {ONBOARDING_STEPS.map((label, index) => {
          const step = index + 1;
          const state = step < current ? "done" : step === current ? "current" : "upcoming";
          return (
            <li
              key={label}
              aria-current={state === "current" ? "step" : undefined}
              className={cn(
                "flex items-center gap-1.5",
                state === "current" ? "font-semibold text-brand-800" : state === "done" ? "text-slate-700" : "text-slate-500",
              )}
            >
              <span
                aria-hidden="true"
                className={cn(
                  "inline-flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold",
                  state === "upcoming" ? "bg-slate-200 text-slate-600" : "bg-brand-600 text-white",
                )}
              >
                {state === "done" ? "✓" : step}
              </span>
              <span>
                {label}
                {state === "done" ? <span className="sr-only"> (terminée)</span> : null}
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
