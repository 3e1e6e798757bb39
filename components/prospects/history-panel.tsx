import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { SectionCard } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { Actor } from "@/lib/auth/actor";
import { formatDateTime } from "@/lib/format";
import type { AuditAction } from "@/lib/generated/prisma/enums";
import { HISTORY_PAGE_PARAM } from "@/lib/history/params";
import { formatHistoryValue, HISTORY_ACTION_LABELS, historyEntityLabel, historyFieldLabel } from "@/lib/history/labels";
import { findProspectHistory, type HistoryRow } from "@/lib/history/queries";

const ACTION_TONES: Record<AuditAction, BadgeTone> = { CREATE: "success", UPDATE: "info", DELETE: "danger" };

// Shown when no signed-in user made the change.
function actorOf(row: HistoryRow): string {
  if (row.actorName) return row.actorName;
  return row.entityType === "Invoice" ? "Plateforme de financement" : "Client ou traitement automatique";
}

// The page of the history in the file's URL, next to ?onglet= (page 1 is the bare tab).
export function historyHref(prospectId: string, page: number): string {
  return page > 1 ? `/prospects/${prospectId}?onglet=historique&${HISTORY_PAGE_PARAM}=${page}` : `/prospects/${prospectId}?onglet=historique`;
}

function PageLink({ prospectId, page, enabled, children }: { prospectId: string; page: number; enabled: boolean; children: string }) {
  if (!enabled) {
    return (
      <span aria-disabled="true" className={buttonClasses("secondary", "sm", "pointer-events-none opacity-50")}>
        {children}
      </span>
    );
  }
  return (
    <Link href={historyHref(prospectId, page)} scroll={false} className={buttonClasses("secondary", "sm")}>
      {children}
    </Link>
  );
}

function Entry({ row }: { row: HistoryRow }) {
  const heading = `${historyEntityLabel(row.entityType)}${row.entityLabel ? ` « ${row.entityLabel} »` : ""}`;
  return (
    <li className="px-4 py-3">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <time dateTime={row.createdAt.toISOString()} className="tabular-nums text-slate-500">
          {formatDateTime(row.createdAt)}
        </time>
        <Badge tone={ACTION_TONES[row.action]}>{HISTORY_ACTION_LABELS[row.action]}</Badge>
        <span className="font-medium text-slate-900">{heading}</span>
        <span className="text-slate-600">par {actorOf(row)}</span>
      </div>
      {row.changes.length > 0 ? (
        <table className="mt-2 w-full text-left text-sm">
          <caption className="sr-only">Détail : {heading}</caption>
          <thead className="text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="w-1/4 py-1 pr-3 font-medium">
                Champ
              </th>
              <th scope="col" className="w-3/8 py-1 pr-3 font-medium">
                Avant
              </th>
              <th scope="col" className="w-3/8 py-1 font-medium">
                Après
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {row.changes.map((change) => (
              <tr key={change.field} className="align-top">
                <th scope="row" className="py-1 pr-3 font-normal text-slate-600">
                  {historyFieldLabel(change.field)}
                </th>
                <td className="whitespace-pre-line break-words py-1 pr-3 text-slate-500">
                  {formatHistoryValue(row.entityType, change.field, change.from)}
                </td>
                <td className="whitespace-pre-line break-words py-1 text-slate-900">
                  {formatHistoryValue(row.entityType, change.field, change.to)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </li>
  );
}

// The « Historique » tab, for the internal team only: every change on the prospect and its
// children, newest first, a page at a time.
export async function HistoryPanel({ prospectId, actor, page }: { prospectId: string; actor: Actor; page: number }) {
  const history = await findProspectHistory(actor, prospectId, { page });
  const pageCount = Math.max(1, Math.ceil(history.total / history.perPage));

  return (
    <SectionCard id="historique" title="Historique">
      {history.rows.length === 0 ? (
        <EmptyState
          title="Aucune modification enregistrée pour ce dossier."
          description="Chaque création, modification ou suppression sur le prospect, ses contacts, actions, pièces jointes, connexions et factures apparaîtra ici."
        />
      ) : (
        <ol className="divide-y divide-slate-200">
          {history.rows.map((row) => (
            <Entry key={row.id} row={row} />
          ))}
        </ol>
      )}
      {pageCount > 1 ? (
        <nav aria-label="Pages de l'historique" className="flex items-center justify-between gap-3 border-t border-slate-200 px-4 py-3">
          <PageLink prospectId={prospectId} page={history.page - 1} enabled={history.page > 1}>
            Précédent
          </PageLink>
          <p className="text-sm text-slate-700">
            Page {history.page} sur {pageCount}
          </p>
          <PageLink prospectId={prospectId} page={history.page + 1} enabled={history.page < pageCount}>
            Suivant
          </PageLink>
        </nav>
      ) : null}
    </SectionCard>
  );
}
