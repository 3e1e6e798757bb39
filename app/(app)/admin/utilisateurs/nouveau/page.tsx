import type { Metadata } from "next";
import Link from "next/link";
import { UserForm } from "@/components/admin/users/user-form";
import { SectionCard } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { firstValue } from "@/lib/accounts/list-params";
import { listPartnerOptions } from "@/lib/accounts/queries";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { Role } from "@/lib/generated/prisma/enums";

export const metadata: Metadata = { title: "Inviter un utilisateur" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function InviteUserPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePermission("user:manage:partner");
  const partners = await listPartnerOptions(db);
  const requestedPartner = firstValue((await searchParams).partnerId) ?? "";
  const partnerId = partners.some((p) => p.id === requestedPartner) ? requestedPartner : "";
  const roles = can(actor.role, "user:manage") ? Object.values(Role) : (["PARTNER"] as Role[]);
  return (
    <>
      <PageHeader
        title="Inviter un utilisateur"
        description="La personne reçoit un e-mail avec un lien personnel, valable 72 heures, pour choisir son mot de passe."
      >
        <Link href="/admin/utilisateurs" className="text-sm text-brand-700 hover:underline">
          ← Utilisateurs
        </Link>
      </PageHeader>
      <SectionCard id="invitation" title="Invitation">
        <UserForm mode="invite" roles={roles} partners={partners} initial={{ email: "", name: "", role: "PARTNER", partnerId }} />
      </SectionCard>
    </>
  );
}
