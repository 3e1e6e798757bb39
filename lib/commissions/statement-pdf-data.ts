// Not server-only: the seed's history is issued outside Next.js.
import type { StatementPdfInput } from "@/lib/commissions/render-statement-pdf";
import { formatMonth } from "@/lib/commissions/labels";
import { monthOfColumn } from "@/lib/commissions/compute";
import { parisDayOf } from "@/lib/dates";
import type { DbClient } from "@/lib/prisma-client";

const ADJUSTMENT_LABEL = "Ajustement";

// Everything the statement's PDF shows, read inside the validation's transaction.
export async function loadStatementPdfInput(
  tx: DbClient,
  statementId: string,
  options: { number: string; issuedAt: Date; issuer: StatementPdfInput["issuer"] },
): Promise<StatementPdfInput> {
  const statement = await tx.commissionStatement.findUniqueOrThrow({
    where: { id: statementId },
    select: {
      periodMonth: true,
      totalCents: true,
      partner: { select: { name: true, siren: true } },
      adjustments: { orderBy: { createdAt: "asc" }, select: { reason: true, amountCents: true, visibleToPartner: true } },
      lines: {
        orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
        select: {
          type: true,
          baseCents: true,
          rateBps: true,
          amountCents: true,
          occurredAt: true,
          agreementVersion: { select: { id: true, startsOn: true, directRateBps: true, networkRateBps: true, entitlementMonths: true } },
          client: { select: { id: true, name: true } },
          introducedBy: { select: { name: true } },
          invoice: { select: { number: true, supplierName: true } },
        },
      },
    },
  });
  const clients = new Map<string, StatementPdfInput["clients"][number]>();
  const rates = new Map<string, StatementPdfInput["rates"][number]>();
  for (const line of statement.lines) {
    let group = clients.get(line.client.id);
    if (!group) {
      group = { name: line.client.name, introducedBy: line.introducedBy?.name ?? null, lines: [], subtotalCents: 0 };
      clients.set(line.client.id, group);
    }
    group.lines.push({
      day: new Date(`${parisDayOf(line.occurredAt)}T00:00:00.000Z`),
      invoiceNumber: line.invoice.number,
      supplierName: line.invoice.supplierName,
      reversal: line.type === "REVERSAL",
      baseCents: line.baseCents,
      rateBps: line.rateBps,
      amountCents: line.amountCents,
    });
    group.subtotalCents += line.amountCents;
    const { id, ...terms } = line.agreementVersion;
    rates.set(id, terms);
  }
  return {
    issuer: options.issuer,
    number: options.number,
    issuedAt: new Date(`${parisDayOf(options.issuedAt)}T00:00:00.000Z`),
    periodLabel: formatMonth(monthOfColumn(statement.periodMonth)),
    partner: statement.partner,
    clients: [...clients.values()].sort((a, b) => a.name.localeCompare(b.name, "fr")),
    adjustments: statement.adjustments.map((a) => ({ reason: a.visibleToPartner ? a.reason : ADJUSTMENT_LABEL, amountCents: a.amountCents })),
    totalCents: statement.totalCents,
    rates: [...rates.values()].sort((a, b) => a.startsOn.getTime() - b.startsOn.getTime()),
  };
}
