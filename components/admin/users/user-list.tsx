import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/format";
import type { Role } from "@/lib/generated/prisma/enums";

export type UserListRow = {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  invited: boolean;
  lastLoginAt: Date | null;
  totpEnabledAt: Date | null;
  partner: { id: string; name: string } | null;
};

export function UserStatusBadge({ active, invited }: { active: boolean; invited: boolean }) {
  if (!active) return <Badge tone="neutral">Désactivé</Badge>;
  if (invited) return <Badge tone="warning">Invitation envoyée</Badge>;
  return <Badge tone="success">Actif</Badge>;
}

export function UserList({ rows }: { rows: UserListRow[] }) {
  if (rows.length === 0) return <EmptyState title="Aucun utilisateur ne correspond à ces critères." description="Modifiez la recherche ou les filtres." />;
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby="utilisateurs-titre">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption id="utilisateurs-titre" className="sr-only">
          Utilisateurs
        </caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2.5">Nom</th>
            <th scope="col" className="px-4 py-2.5">E-mail</th>
            <th scope="col" className="px-4 py-2.5">Rôle</th>
            <th scope="col" className="px-4 py-2.5">Organisation</th>
            <th scope="col" className="px-4 py-2.5">État</th>
            <th scope="col" className="px-4 py-2.5">Dernière connexion</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 text-slate-700">
          {rows.map((u) => (
            <tr key={u.id}>
              <td className="px-4 py-2.5">
                <Link href={`/admin/utilisateurs/${u.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  {u.name}
                </Link>
              </td>
              <td className="px-4 py-2.5">{u.email}</td>
              <td className="px-4 py-2.5">{ROLE_LABELS[u.role]}</td>
              <td className="px-4 py-2.5">{u.partner?.name ?? "—"}</td>
              <td className="px-4 py-2.5">
                <UserStatusBadge active={u.active} invited={u.invited} />
              </td>
              <td className="whitespace-nowrap px-4 py-2.5 tabular-nums">{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : "Jamais"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
