import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ProspectActions } from "@/components/prospects/prospect-actions";
import { ProspectContacts } from "@/components/prospects/prospect-contacts";
import {
  ProspectAddress,
  ProspectFollowUp,
  ProspectIdentity,
  ProspectInternalNotes,
  ProspectRecommendation,
} from "@/components/prospects/prospect-details";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { formatSiren } from "@/lib/format";
import {
  PROSPECT_STAGE_LABELS,
  PROSPECT_STAGE_TONES,
  PROSPECT_STATUS_LABELS,
  PROSPECT_STATUS_TONES,
} from "@/lib/prospects/labels";
import { getProspectForActor } from "@/lib/prospects/queries";

// No loading.tsx above this route on purpose: a streamed fallback would send a 200 before
// notFound() could answer 404.
type Props = { params: Promise<{ id: string }> };

// Metadata and page share one query per request.
const loadProspect = cache(async (id: string) => {
  const actor = await requireUser();
  return getProspectForActor(actor, id);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const prospect = await loadProspect((await params).id);
  return { title: prospect ? prospect.name : "Page introuvable" };
}

export default async function ProspectPage({ params }: Props) {
  const prospect = await loadProspect((await params).id);
  // Missing and out-of-scope look the same: another partner's prospect is a 404.
  if (!prospect) notFound();

  return (
    <>
      <PageHeader
        title={prospect.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {prospect.siren ? <span className="tabular-nums">SIREN {formatSiren(prospect.siren)}</span> : null}
            {prospect.city ? <span>{prospect.city}</span> : null}
            <Badge tone={PROSPECT_STATUS_TONES[prospect.status]}>{PROSPECT_STATUS_LABELS[prospect.status]}</Badge>
            <Badge tone={PROSPECT_STAGE_TONES[prospect.stage]}>{PROSPECT_STAGE_LABELS[prospect.stage]}</Badge>
          </span>
        }
      >
        <nav aria-label="Fil d’Ariane" className="mb-1 text-sm">
          <Link href="/prospects" className="text-brand-700 hover:underline">
            ← Prospects
          </Link>
        </nav>
      </PageHeader>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="flex min-w-0 flex-col gap-6 lg:col-span-2">
          <ProspectIdentity prospect={prospect} />
          <ProspectFollowUp prospect={prospect} />
          <ProspectActions actions={prospect.actions} now={new Date()} />
        </div>
        <div className="flex min-w-0 flex-col gap-6">
          <ProspectContacts contacts={prospect.contacts} />
          <ProspectAddress prospect={prospect} />
          <ProspectRecommendation prospect={prospect} />
          {prospect.internalNotes !== undefined ? <ProspectInternalNotes notes={prospect.internalNotes} /> : null}
        </div>
      </div>
    </>
  );
}
