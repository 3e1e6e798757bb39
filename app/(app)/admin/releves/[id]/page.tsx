import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AdjustmentForm } from "@/components/commissions/adjustment-form";
import { CommissionLinesTable } from "@/components/commissions/commission-lines-table";
import { MarkPaidForm } from "@/components/commissions/mark-paid-form";
import { StatementStatusBadge } from "@/components/commissions/status-badge";
import { StatementTotals } from "@/components/commissions/statement-totals";
import { SectionCard } from "@/components/ui/card";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { removeAdjustmentAction, validateStatementAction } from "@/lib/commissions/actions";
import { monthOfColumn } from "@/lib/commissions/compute";
import { formatMonth } from "@/lib/commissions/labels";
import { getStatementDetail } from "@/lib/commissions/queries";
import { parisDayOf } from "@/lib/dates";
import { formatCalendarDay, formatDateTime, formatEuros, formatSiren } from "@/lib/format";

export const metadata: Metadata = { title: "Relevé de commissions" };

type Props = { params: Promise<{ id: string }> };

export default async function StatementPage({ params }: Props) {
  const actor = await requirePermission("commission:manage");
  const { id } = await params;
  const statement = id.length <= 64 ? await getStatementDetail(actor, id) : null;
  if (!statement) notFound();
  const period = formatMonth(monthOfColumn(statement.periodMonth));
  const draft = statement.status === "DRAFT";

  return (
    <>
      <PageHeader
        title={`Relevé ${statement.number ?? "en préparation"} : ${statement.partner.name}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span>
              {period} · SIREN {formatSiren(statement.partner.siren)} · total {formatEuros(statement.totalCents)}
            </span>
            <StatementStatusBadge status={statement.status} />
          </span>
        }
        actions={
          <>
            <Link href="/admin/releves" className="text-sm font-medium text-brand-700 hover:underline">
              Retour aux relevés
            </Link>
            {statement.pdfStorageKey ? (
              <a href={`/api/commissions/statements/${statement.id}/pdf`} className="text-sm font-medium text-brand-700 hover:underline">
                Télécharger le PDF
              </a>
            ) : null}
          </>
        }
      />
      <div className="flex flex-col gap-6">
        {draft ? (
          <SectionCard id="valider" title="Validation">
            <div className="flex flex-col gap-3 px-4 py-4 text-sm text-slate-700 sm:flex-row sm:items-center sm:justify-between">
              <p>
                Valider attribue le numéro définitif, produit le PDF et l&apos;envoie aux utilisateurs de l&apos;organisation. Le relevé ne
                pourra plus être modifié.
              </p>
              <ConfirmActionButton
                label="Valider le relevé"
                title={`Valider le relevé de ${period} ?`}
                description={`Total ${formatEuros(statement.totalCents)}. Le relevé reçoit son numéro définitif et ne pourra plus être modifié ; une correction ira sur le relevé suivant.`}
                confirmLabel="Valider"
                pendingLabel="Validation…"
                action={validateStatementAction.bind(null, { statementId: statement.id, version: statement.version })}
              />
            </div>
          </SectionCard>
        ) : statement.status === "VALIDATED" ? (
          <SectionCard id="paiement" title="Paiement">
            <MarkPaidForm statementId={statement.id} today={parisDayOf(new Date())} />
          </SectionCard>
        ) : (
          <SectionCard id="paiement" title="Paiement">
            <p className="px-4 py-4 text-sm text-slate-700">
              Payé le {statement.paidOn ? formatCalendarDay(statement.paidOn) : "—"}, référence {statement.paymentReference}.
            </p>
          </SectionCard>
        )}
        {statement.validatedAt ? (
          <p className="text-sm text-slate-600">Validé le {formatDateTime(statement.validatedAt)}.</p>
        ) : null}

        <StatementTotals lines={statement.lines} adjustmentsCents={statement.adjustments.reduce((sum, a) => sum + a.amountCents, 0)} />

        <SectionCard id="lignes" title={`Factures (${statement.lines.length})`}>
          <CommissionLinesTable
            caption={`Factures du relevé : ${period}`}
            emptyTitle="Aucune ligne de commission."
            lines={statement.lines.map((l) => ({
              id: l.id,
              occurredAt: l.occurredAt,
              clientName: l.client.name,
              clientHref: `/prospects/${l.client.id}`,
              introducedBy: l.introducedBy?.name ?? null,
              invoiceNumber: l.invoice.number,
              supplierName: l.invoice.supplierName,
              type: l.type,
              kind: l.kind,
              baseCents: l.baseCents,
              rateBps: l.rateBps,
              amountCents: l.amountCents,
            }))}
          />
        </SectionCard>

        <SectionCard id="ajustements" title="Ajustements">
          {statement.adjustments.length === 0 ? (
            <EmptyState title="Aucun ajustement." />
          ) : (
            <ul className="divide-y divide-slate-100">
              {statement.adjustments.map((a) => (
                <li key={a.id} className="flex items-center justify-between gap-3 px-4 py-2 text-sm">
                  <span>
                    {a.reason}
                    <span className="block text-xs text-slate-500">{a.visibleToPartner ? "Raison visible du partenaire" : "Raison interne"}</span>
                  </span>
                  <span className="flex items-center gap-3">
                    <span className="tabular-nums">{formatEuros(a.amountCents)}</span>
                    {draft ? (
                      <ConfirmActionButton
                        label="Retirer"
                        accessibleLabel={`Retirer l'ajustement ${a.reason}`}
                        title="Retirer cet ajustement ?"
                        description={`${a.reason} (${formatEuros(a.amountCents)}) sera retiré du relevé.`}
                        confirmLabel="Retirer"
                        pendingLabel="Retrait…"
                        action={removeAdjustmentAction.bind(null, { id: a.id })}
                      />
                    ) : null}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {draft ? <AdjustmentForm statementId={statement.id} /> : null}
        </SectionCard>
      </div>
    </>
  );
}
