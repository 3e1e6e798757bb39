import type { Metadata } from "next";
import Link from "next/link";
import { CampaignContentForm } from "@/components/campaigns/campaign-content-form";
import { CampaignStepper } from "@/components/campaigns/campaign-stepper";
import { SectionCard } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { CAMPAIGN_STEPS } from "@/lib/campaigns/labels";

export const metadata: Metadata = { title: "Nouvelle campagne" };

const LOCKED = { available: false, complete: false };

export default async function NewCampaignPage() {
  await requirePermission("campaign:manage");
  return (
    <>
      <PageHeader title="Nouvelle campagne">
        <Link href="/campagnes" className="text-sm text-brand-700 hover:underline">
          ← Campagnes
        </Link>
      </PageHeader>
      <CampaignStepper
        basePath={null}
        current={1}
        states={{ 1: { available: true, complete: false }, 2: LOCKED, 3: LOCKED, 4: LOCKED, 5: LOCKED }}
      />
      <SectionCard id="etape-1" title={CAMPAIGN_STEPS[0].label}>
        <div className="p-4">
          <CampaignContentForm campaignId={null} initial={{ name: "", subjectTemplate: "", bodyTemplate: "" }} />
        </div>
      </SectionCard>
    </>
  );
}
