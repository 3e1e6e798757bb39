import { RevokeApiKeyButton } from "@/components/api-keys/revoke-api-key-button";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import type { ApiKeyRow } from "@/lib/api-keys/manage";
import { formatDateTime } from "@/lib/format";

export function ApiKeyList({ keys }: { keys: ApiKeyRow[] }) {
  if (keys.length === 0) {
    return <EmptyState title="Aucune clé d'API." description="Créez une clé pour que la plateforme de financement puisse appeler l'API factures." />;
  }
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Clés d'API">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50">
          <tr>
            {["Nom", "Préfixe", "Créée le", "Dernière utilisation", "État", ""].map((h, i) => (
              <th key={i} scope="col" className="whitespace-nowrap px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                {h || <span className="sr-only">Actions</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {keys.map((k) => (
            <tr key={k.id}>
              <td className="px-4 py-2.5 font-medium text-slate-900">{k.name}</td>
              <td className="px-4 py-2.5">
                <code className="font-mono text-xs text-slate-700">{k.prefix}…</code>
              </td>
              <td className="whitespace-nowrap px-4 py-2.5 tabular-nums text-slate-700">
                {formatDateTime(k.createdAt)}
                {k.createdBy ? <span className="block text-xs text-slate-500">par {k.createdBy.name}</span> : null}
              </td>
              <td className="whitespace-nowrap px-4 py-2.5 tabular-nums text-slate-700">
                {k.lastUsedAt ? formatDateTime(k.lastUsedAt) : "Jamais"}
              </td>
              <td className="whitespace-nowrap px-4 py-2.5">
                {k.revokedAt ? (
                  <Badge tone="neutral">Révoquée le {formatDateTime(k.revokedAt)}</Badge>
                ) : (
                  <Badge tone="success">Active</Badge>
                )}
              </td>
              <td className="whitespace-nowrap px-4 py-2.5 text-right">
                {k.revokedAt ? null : <RevokeApiKeyButton id={k.id} name={k.name} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
