import Link from "next/link";
import { CAMPAIGN_STEPS, type CampaignStepNumber } from "@/lib/campaigns/labels";
import { cn } from "@/lib/cn";

export type StepState = { available: boolean; complete: boolean };

// The seed's five steps, in order: the current one marked, the reachable ones as links.
export function CampaignStepper({
  basePath,
  current,
  states,
}: {
  // null on /campagnes/nouvelle, where only step 1 exists yet.
  basePath: string | null;
  current: CampaignStepNumber;
  states: Record<CampaignStepNumber, StepState>;
}) {
  return (
    <nav aria-label="Étapes de la campagne" className="mb-6">
      <ol className="grid grid-cols-1 gap-2 md:grid-cols-5">
        {CAMPAIGN_STEPS.map((step) => {
          const state = states[step.number];
          const isCurrent = step.number === current;
          const body = (
            <>
              <span
                aria-hidden="true"
                className={cn(
                  "flex h-7 w-7 shrink-0 items-center justify-center rounded-full text-sm font-semibold",
                  isCurrent ? "bg-brand-600 text-white" : state.complete ? "bg-emerald-100 text-emerald-800" : "bg-slate-100 text-slate-600",
                )}
              >
                {state.complete && !isCurrent ? "✓" : step.number}
              </span>
              <span className="text-sm leading-snug">
                <span className="sr-only">Étape {step.number} : </span>
                {step.label}
                {state.complete ? <span className="sr-only"> (terminée)</span> : null}
              </span>
            </>
          );
          const classes = cn(
            "flex h-full items-start gap-2 rounded-md border px-3 py-2",
            isCurrent ? "border-brand-600 bg-brand-50 text-brand-900" : "border-slate-200 bg-white text-slate-700",
          );
          return (
            <li key={step.number}>
              {state.available && basePath && !isCurrent ? (
                <Link href={`${basePath}?etape=${step.number}`} className={cn(classes, "hover:bg-slate-50")}>
                  {body}
                </Link>
              ) : (
                <div aria-current={isCurrent ? "step" : undefined} className={cn(classes, !state.available && !isCurrent && "border-dashed bg-slate-50")}>
                  {body}
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
