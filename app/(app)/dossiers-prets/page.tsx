import type { Metadata } from "next";
import { CorrectionsBlock } from "@/components/corrections/corrections-block";
import { TriageTable } from "@/components/onboarding/triage-table";
import { TriageViewTabs } from "@/components/onboarding/triage-view-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { findReadyProspects, listAssignableReps } from "@/lib/onboarding/triage-queries";
import { parseTriageListParams, triageListQuery } from "@/lib/onboarding/triage-schemas";

export const metadata: Metadata = { title: "Dossiers prêts à démarrer" };

// The sales team's inbox (alert:triage): files a partner set « Prêt à démarrer », newest first.
export default async function ReadyProspectsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePermission("alert:triage");
  const requested = parseTriageListParams(await searchParams);
  const [result, reps] = await Promise.all([findReadyProspects(actor, requested), listAssignableReps()]);
  // The page may have been clamped to the last one: links are built from what is shown.
  const params = { ...requested, page: result.page };
  const query = triageListQuery(params);
  // Only files with corrections to review get a block: the others would render nothing anyway.
  const corrections = Object.fromEntries(
    result.rows
      .filter((row) => row.pendingCorrections > 0)
      .map((row) => [row.id, <CorrectionsBlock key={row.id} actor={actor} prospectId={row.id} />]),
  );

  return (
    <>
      <PageHeader
        title="Dossiers prêts à démarrer"
        description="Les dossiers passés en « Prêt à démarrer » par les partenaires, du plus récent au plus ancien."
      />
      <TriageViewTabs current={params.vue} query={query} />
      <TriageTable rows={result.rows} total={result.total} params={params} query={query} reps={reps} actorId={actor.id} corrections={corrections} />
    </>
  );
}
