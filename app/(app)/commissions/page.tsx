import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PartnerCommissionsView } from "@/components/commissions/partner-commissions";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { getPartnerCommissions } from "@/lib/commissions/queries";

export const metadata: Metadata = { title: "Mes commissions" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function MyCommissionsPage({ searchParams }: Props) {
  const actor = await requirePermission("commission:read:own");
  const { mois } = await searchParams;
  const data = await getPartnerCommissions(actor, { month: typeof mois === "string" ? mois : undefined });
  if (!data) notFound();
  return (
    <>
      <PageHeader
        title="Mes commissions"
        description="Ce que vous rapportent les factures financées de vos clients et de leur réseau, selon votre convention partenaire."
      />
      <PartnerCommissionsView data={data} />
    </>
  );
}
