import type { Metadata } from "next";
import Link from "next/link";
import { CampaignList } from "@/components/campaigns/campaign-list";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { listCampaigns } from "@/lib/campaigns/queries";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Campagnes" };

export default async function CampaignsPage() {
  const actor = await requirePermission("campaign:manage");
  const rows = await listCampaigns(db, actor);
  return (
    <>
      <PageHeader
        title="Campagnes"
        description="Envoi de mails groupés en mode « publipostage » : un e-mail personnalisé pour chaque fiche choisie."
        actions={
          <Link href="/campagnes/nouvelle" className={buttonClasses("primary", "md")}>
            Nouvelle campagne
          </Link>
        }
      />
      <CampaignList rows={rows} />
    </>
  );
}
