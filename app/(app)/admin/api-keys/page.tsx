import type { Metadata } from "next";
import { ApiKeyList } from "@/components/api-keys/api-key-list";
import { CreateApiKeyForm } from "@/components/api-keys/create-api-key-form";
import { SectionCard } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listApiKeys } from "@/lib/api-keys/manage";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Clés d'API" };

export default async function ApiKeysPage() {
  await requirePermission("apikey:manage");
  const keys = await listApiKeys(db);
  return (
    <>
      <PageHeader
        title="Clés d'API"
        description="Les clés avec lesquelles la plateforme de financement appelle l'API factures (/api/v1/invoices). Seule une empreinte de chaque clé est conservée."
      />
      <div className="flex flex-col gap-6">
        <SectionCard id="nouvelle-cle" title="Nouvelle clé">
          <CreateApiKeyForm />
        </SectionCard>
        <SectionCard id="cles" title="Clés existantes">
          <ApiKeyList keys={keys} />
        </SectionCard>
      </div>
    </>
  );
}
