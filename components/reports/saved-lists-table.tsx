// The user's saved lists on « Listes sur mesure »; each can be opened or deleted.
import Link from "next/link";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/lib/format";
import { deleteSavedListAction } from "@/lib/reports/actions";
import { SAVED_LIST_ENTITY_LABELS } from "@/lib/reports/list-columns";
import type { SavedListSummary } from "@/lib/reports/saved-lists";

export function SavedListsTable({ lists }: { lists: SavedListSummary[] }) {
  if (lists.length === 0) {
    return (
      <EmptyState
        title="Vous n'avez pas encore de liste sur mesure."
        description="Choisissez un objet, des colonnes et des filtres, puis enregistrez la liste pour la retrouver et l'exporter."
      />
    );
  }
  return (
    <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-labelledby="listes-titre">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption id="listes-titre" className="sr-only">
          Mes listes sur mesure
        </caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2.5">Nom</th>
            <th scope="col" className="hidden px-4 py-2.5 sm:table-cell">Objet</th>
            <th scope="col" className="hidden px-4 py-2.5 sm:table-cell">Colonnes</th>
            <th scope="col" className="hidden px-4 py-2.5 sm:table-cell">Modifiée le</th>
            <th scope="col" className="px-4 py-2.5">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 text-slate-700">
          {lists.map((list) => (
            <tr key={list.id}>
              <td className="px-4 py-2.5">
                <Link href={`/rapports/listes/${list.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  {list.name}
                </Link>
                {/* On a phone the other columns are hidden: their facts under the name instead. */}
                <span className="mt-0.5 block text-xs text-slate-600 sm:hidden">
                  {SAVED_LIST_ENTITY_LABELS[list.entity]} · {list.columnCount} colonne{list.columnCount > 1 ? "s" : ""} · modifiée le{" "}
                  {formatDateTime(list.updatedAt)}
                </span>
              </td>
              <td className="hidden px-4 py-2.5 sm:table-cell">{SAVED_LIST_ENTITY_LABELS[list.entity]}</td>
              <td className="hidden px-4 py-2.5 tabular-nums sm:table-cell">{list.columnCount}</td>
              <td className="hidden whitespace-nowrap px-4 py-2.5 tabular-nums sm:table-cell">{formatDateTime(list.updatedAt)}</td>
              <td className="px-4 py-2.5 text-right">
                <ConfirmActionButton
                  label="Supprimer"
                  accessibleLabel={`Supprimer la liste ${list.name}`}
                  title={`Supprimer la liste « ${list.name} » ?`}
                  description="La liste enregistrée sera supprimée (ses colonnes et ses filtres). Les données du CRM ne sont pas touchées."
                  confirmLabel="Supprimer la liste"
                  action={deleteSavedListAction.bind(null, { id: list.id })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
