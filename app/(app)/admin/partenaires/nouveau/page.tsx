import type { Metadata } from "next";
import Link from "next/link";
import { PartnerForm } from "@/components/admin/partners/partner-form";
import { SectionCard } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Nouvelle organisation partenaire" };

export default async function NewPartnerPage() {
  await requirePermission("partner:manage");
  return (
    <>
      <PageHeader title="Nouvelle organisation partenaire">
        <Link href="/admin/partenaires" className="text-sm text-brand-700 hover:underline">
          ← Partenaires
        </Link>
      </PageHeader>
      <SectionCard id="organisation" title="Organisation et convention">
        <PartnerForm mode="create" />
      </SectionCard>
    </>
  );
}
