// « Partenaires »: one row per organisation with its users and prospects counts.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatSiren } from "@/lib/format";

export type PartnerListRow = {
  id: string;
  name: string;
  siren: string | null;
  city: string | null;
  active: boolean;
  _count: { users: number; prospects: number };
};

export function PartnerList({ rows }: { rows: PartnerListRow[] }) {
  if (rows.length === 0) {
    return <EmptyState title="Aucune organisation ne correspond à ces critères." description="Modifiez la recherche ou le filtre, ou créez une organisation." />;
  }
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby="partenaires-titre">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption id="partenaires-titre" className="sr-only">
          Organisations partenaires
        </caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2.5">Organisation</th>
            <th scope="col" className="px-4 py-2.5">SIREN</th>
            <th scope="col" className="px-4 py-2.5">Ville</th>
            <th scope="col" className="px-4 py-2.5 text-right">Utilisateurs</th>
            <th scope="col" className="px-4 py-2.5 text-right">Prospects</th>
            <th scope="col" className="px-4 py-2.5">État</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 text-slate-700">
          {rows.map((p) => (
            <tr key={p.id}>
              <td className="px-4 py-2.5">
                <Link href={`/admin/partenaires/${p.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  {p.name}
                </Link>
              </td>
              <td className="whitespace-nowrap px-4 py-2.5 tabular-nums">{p.siren ? formatSiren(p.siren) : "—"}</td>
              <td className="px-4 py-2.5">{p.city ?? "—"}</td>
              <td className="px-4 py-2.5 text-right tabular-nums">{p._count.users}</td>
              <td className="px-4 py-2.5 text-right tabular-nums">{p._count.prospects}</td>
              <td className="px-4 py-2.5">{p.active ? <Badge tone="success">Active</Badge> : <Badge tone="neutral">Désactivée</Badge>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
