// The organisation's history: who changed what and when, before → after.
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/lib/format";

const FIELD_LABELS: Record<string, string> = {
  name: "Nom",
  siren: "SIREN",
  street: "Adresse",
  postalCode: "Code postal",
  city: "Ville",
  contactEmail: "E-mail de contact",
  active: "Active",
  agreementStartsOn: "Début de la convention",
  directRateBps: "Taux (points de base)",
  networkRateBps: "Taux réseau (points de base)",
  entitlementMonths: "Durée des droits (mois)",
  agreementNotes: "Notes de convention",
};

export type HistoryRow = { id: string; entityType: string; action: string; changes: unknown; createdAt: Date; actor: { name: string } | null };

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "vide";
  if (value === true) return "oui";
  if (value === false) return "non";
  return String(value);
}

function describe(row: HistoryRow): { title: string; lines: string[] } {
  const changes = (row.changes && typeof row.changes === "object" ? row.changes : {}) as Record<string, unknown>;
  const lines = Object.entries(changes).map(([field, value]) => {
    const label = FIELD_LABELS[field] ?? field;
    if (value && typeof value === "object" && "from" in value && "to" in value) {
      const change = value as { from: unknown; to: unknown };
      return `${label} : ${show(change.from)} → ${show(change.to)}`;
    }
    return `${label} : ${show(value)}`;
  });
  const title =
    row.entityType === "PartnerAgreement" ? "Nouvelle version de la convention" : row.action === "CREATE" ? "Création de l'organisation" : "Modification";
  return { title, lines };
}

export function PartnerHistory({ rows }: { rows: HistoryRow[] }) {
  if (rows.length === 0) return <EmptyState title="Aucune modification enregistrée." />;
  return (
    <ol className="divide-y divide-slate-100">
      {rows.map((row) => {
        const { title, lines } = describe(row);
        return (
          <li key={row.id} className="px-4 py-3 text-sm">
            <p className="font-medium text-slate-900">
              {title} <span className="font-normal text-slate-600">· {formatDateTime(row.createdAt)} · par {row.actor?.name ?? "un utilisateur supprimé"}</span>
            </p>
            <ul className="mt-1 text-slate-700">
              {lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}
