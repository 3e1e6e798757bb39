// « Corrections du client » on a file: what the client corrected on its onboarding page,
// awaiting review. Renders nothing when there is nothing to review or the viewer does not triage.
import { CorrectionsReview } from "@/components/corrections/corrections-review";
import { SectionCard } from "@/components/ui/card";
import type { Actor } from "@/lib/auth/actor";
import { pendingCorrectionsBadge } from "@/lib/corrections/fields";
import { getPendingCorrections } from "@/lib/corrections/queries";

export async function CorrectionsBlock({ actor, prospectId }: { actor: Actor; prospectId: string }) {
  const data = await getPendingCorrections(actor, prospectId);
  if (!data || data.corrections.length === 0) return null;
  return (
    <SectionCard
      id="corrections-du-client"
      title="Corrections du client"
      className="mb-4"
      action={<span className="text-sm text-amber-800">{pendingCorrectionsBadge(data.corrections.length)}</span>}
    >
      <div className="px-4">
        <CorrectionsReview data={data} />
      </div>
    </SectionCard>
  );
}
