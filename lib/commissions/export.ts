// « Relevés de commissions » for accounting: the admin list's filters, as CSV or XLSX through
// the reports exporter (same formula-injection rule).
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { SESSION_EXPIRED_MESSAGE } from "@/lib/auth/action";
import { monthOfColumn } from "@/lib/commissions/compute";
import { STATEMENT_STATUS_LABELS } from "@/lib/commissions/labels";
import { canManageCommissions } from "@/lib/commissions/policy";
import { statementFiltersSchema, statementWhere, type StatementFilters } from "@/lib/commissions/queries";
import { db as defaultDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { APP_ERROR_MESSAGES } from "@/lib/errors";
import type { DbClient } from "@/lib/prisma-client";
import { searchParamsRecord } from "@/lib/reports/export-route";
import { exportDateStamp, keysetBatches, type ExportSource } from "@/lib/reports/export-source";
import { centsToEuros, type ExportColumn } from "@/lib/reports/export-values";
import { EXPORT_FORMATS, exportResponse, type ExportFormat } from "@/lib/reports/export-writers";

const COLUMNS: readonly ExportColumn[] = [
  { header: "Période", kind: "text" },
  { header: "Organisation", kind: "text" },
  { header: "SIREN", kind: "text" },
  { header: "Numéro", kind: "text" },
  { header: "Statut", kind: "text" },
  { header: "Lignes", kind: "number" },
  { header: "Ajustements", kind: "number" },
  { header: "Total (€)", kind: "money" },
  { header: "Validé le", kind: "datetime" },
  { header: "Payé le", kind: "date" },
  { header: "Référence du paiement", kind: "text" },
];

export function statementExportSource(filters: StatementFilters, db: DbClient): ExportSource {
  const where = statementWhere(filters);
  return {
    fileName: `releves-commissions-${exportDateStamp()}`,
    sheetName: "Relevés",
    columns: COLUMNS,
    count: () => db.commissionStatement.count({ where }),
    batches: async function* (batchSize) {
      const pages = keysetBatches(
        { field: "periodMonth", dir: "desc", nullable: false },
        (batch) =>
          db.commissionStatement.findMany({
            where: { AND: [where, batch.where as Prisma.CommissionStatementWhereInput] },
            orderBy: batch.orderBy as Prisma.CommissionStatementOrderByWithRelationInput[],
            take: batch.take,
            select: {
              id: true,
              periodMonth: true,
              number: true,
              status: true,
              totalCents: true,
              validatedAt: true,
              paidOn: true,
              paymentReference: true,
              partner: { select: { name: true, siren: true } },
              _count: { select: { lines: true, adjustments: true } },
            },
          }),
        batchSize,
      );
      for await (const rows of pages) {
        yield rows.map((r) => [
          monthOfColumn(r.periodMonth),
          r.partner.name,
          r.partner.siren,
          r.number,
          STATEMENT_STATUS_LABELS[r.status],
          r._count.lines,
          r._count.adjustments,
          centsToEuros(r.totalCents),
          r.validatedAt,
          r.paidOn ? { day: r.paidOn } : null,
          r.paymentReference,
        ]);
      }
    },
  };
}

function text(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

export async function statementExportResponse(
  actor: Actor | null,
  format: string,
  searchParams: URLSearchParams,
  db: DbClient = defaultDb,
): Promise<Response> {
  if (!actor) return text(401, SESSION_EXPIRED_MESSAGE);
  if (!canManageCommissions(actor) || !(EXPORT_FORMATS as readonly string[]).includes(format)) return text(404, APP_ERROR_MESSAGES.NOT_FOUND);
  const filters = statementFiltersSchema.parse(searchParamsRecord(searchParams));
  return exportResponse(statementExportSource(filters, db), format as ExportFormat);
}
