// « Journal de sécurité »: one row per authentication event, newest first.
import { EmptyState } from "@/components/ui/empty-state";
import { AUTH_EVENT_LABELS, type AuthEventKind } from "@/lib/accounts/labels";
import { describeUserAgent } from "@/lib/accounts/user-agent";
import { formatDateTime } from "@/lib/format";

export type AuthLogRow = {
  id: string;
  kind: string;
  email: string | null;
  ip: string | null;
  userAgent: string | null;
  createdAt: Date;
  user: { name: string; email: string } | null;
  actor: { name: string; email: string } | null;
};

export function AuthLogTable({ rows }: { rows: AuthLogRow[] }) {
  if (rows.length === 0) return <EmptyState title="Aucun événement ne correspond à ces critères." />;
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby="journal-titre">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption id="journal-titre" className="sr-only">
          Journal de sécurité
        </caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2.5">Date</th>
            <th scope="col" className="px-4 py-2.5">Événement</th>
            <th scope="col" className="px-4 py-2.5">Compte</th>
            <th scope="col" className="px-4 py-2.5">Par</th>
            <th scope="col" className="px-4 py-2.5">Adresse IP</th>
            <th scope="col" className="px-4 py-2.5">Appareil</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 text-slate-700">
          {rows.map((e) => (
            <tr key={e.id}>
              <td className="whitespace-nowrap px-4 py-2.5 tabular-nums">{formatDateTime(e.createdAt)}</td>
              <td className="px-4 py-2.5">{AUTH_EVENT_LABELS[e.kind as AuthEventKind] ?? e.kind}</td>
              <td className="px-4 py-2.5">{e.user ? `${e.user.name} (${e.user.email})` : (e.email ?? "—")}</td>
              <td className="px-4 py-2.5">{e.actor && e.actor.email !== e.user?.email ? e.actor.name : "—"}</td>
              <td className="px-4 py-2.5 tabular-nums">{e.ip ?? "—"}</td>
              <td className="px-4 py-2.5">{e.userAgent ? describeUserAgent(e.userAgent) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
