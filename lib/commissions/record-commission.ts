// Commission lines written in the invoice's own transaction (issue 10 §3). Not server-only: the
// seed and the backfill command call it too.
import { findAgreementInForce } from "@/lib/agreements/agreement-in-force";
import { parisDayOf } from "@/lib/dates";
import type { InvoiceStatus } from "@/lib/generated/prisma/enums";
import type { DbClient } from "@/lib/prisma-client";
import {
  applicableRateBps,
  attributeInvoice,
  commissionAmountCents,
  monthStartColumn,
  parisMonthOf,
} from "@/lib/commissions/compute";

export type CommissionOutcome = "earned" | "reversed" | "none";

type InvoiceForCommission = {
  id: string;
  clientId: string;
  amountCents: number;
  status: InvoiceStatus;
  financedAt: Date | null;
  paidAt: Date | null;
  rejectedAt: Date | null;
};

const INVOICE_SELECT = {
  id: true,
  clientId: true,
  amountCents: true,
  status: true,
  financedAt: true,
  paidAt: true,
  rejectedAt: true,
} as const;

// Creates the EARNING line of a financed invoice, once: the unique (invoice, type) index makes
// retries and concurrent calls insert nothing more. Returns false when nobody earns on it.
export async function earnCommission(tx: DbClient, invoice: InvoiceForCommission): Promise<boolean> {
  // A missed FINANCED call (straight to PAID) still earns, dated when the platform paid.
  const financedAt = invoice.financedAt ?? invoice.paidAt;
  if (!financedAt) return false;
  const client = await tx.prospect.findUniqueOrThrow({
    where: { id: invoice.clientId },
    select: {
      partnerId: true,
      becameFrom: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { prospectId: true, prospect: { select: { partnerId: true } } },
      },
    },
  });
  const attribution = attributeInvoice({
    directPartnerId: client.partnerId,
    introducers: client.becameFrom.map((c) => ({ clientId: c.prospectId, partnerId: c.prospect.partnerId })),
  });
  if (!attribution) return false;
  const financedDay = parisDayOf(financedAt);
  const terms = await findAgreementInForce(tx, attribution.partnerId, financedDay);
  if (!terms) return false;
  const first = await tx.invoice.aggregate({
    where: { clientId: invoice.clientId, financedAt: { not: null } },
    _min: { financedAt: true },
  });
  const firstFinancedAt = first._min.financedAt && first._min.financedAt < financedAt ? first._min.financedAt : financedAt;
  const rateBps = applicableRateBps(attribution.kind, terms, { firstFinancedDay: parisDayOf(firstFinancedAt), financedDay });
  if (rateBps === null) return false;
  const { count } = await tx.commissionLine.createMany({
    data: [
      {
        invoiceId: invoice.id,
        partnerId: attribution.partnerId,
        clientId: invoice.clientId,
        introducedById: attribution.introducedById,
        type: "EARNING",
        kind: attribution.kind,
        baseCents: invoice.amountCents,
        rateBps,
        amountCents: commissionAmountCents(invoice.amountCents, rateBps),
        agreementVersionId: terms.id,
        financedAt,
        occurredAt: financedAt,
        periodMonth: monthStartColumn(parisMonthOf(financedAt)),
      },
    ],
    skipDuplicates: true,
  });
  return count === 1;
}

// The negative line cancelling an earning, in the month of the rejection. Never a deletion.
export async function reverseCommission(tx: DbClient, invoiceId: string, at: Date): Promise<boolean> {
  const earning = await tx.commissionLine.findUnique({ where: { invoiceId_type: { invoiceId, type: "EARNING" } } });
  if (!earning) return false;
  const { count } = await tx.commissionLine.createMany({
    data: [
      {
        invoiceId,
        partnerId: earning.partnerId,
        clientId: earning.clientId,
        introducedById: earning.introducedById,
        type: "REVERSAL",
        kind: earning.kind,
        baseCents: -earning.baseCents,
        rateBps: earning.rateBps,
        amountCents: -earning.amountCents,
        agreementVersionId: earning.agreementVersionId,
        financedAt: earning.financedAt,
        occurredAt: at,
        periodMonth: monthStartColumn(parisMonthOf(at)),
      },
    ],
    skipDuplicates: true,
  });
  return count === 1;
}

// Called by the invoice API inside the status change's transaction, after the invoice row was
// updated: financed (or paid without the financing step) → an earning; rejected after being
// financed → its reversal.
export async function recordCommissionForInvoice(
  tx: DbClient,
  invoice: { id: string },
  previousStatus: InvoiceStatus,
): Promise<CommissionOutcome> {
  const row = await tx.invoice.findUniqueOrThrow({ where: { id: invoice.id }, select: INVOICE_SELECT });
  if (row.status === "FINANCED" || (row.status === "PAID" && previousStatus !== "FINANCED")) {
    return (await earnCommission(tx, row)) ? "earned" : "none";
  }
  if (row.status === "REJECTED" && (previousStatus === "FINANCED" || previousStatus === "PAID")) {
    return (await reverseCommission(tx, row.id, row.rejectedAt ?? new Date())) ? "reversed" : "none";
  }
  return "none";
}

// For invoices financed before this feature (and the seed): the lines their history calls for,
// idempotently. Returns how many lines were created.
export async function backfillInvoiceCommission(tx: DbClient, invoiceId: string): Promise<number> {
  const row = await tx.invoice.findUniqueOrThrow({ where: { id: invoiceId }, select: INVOICE_SELECT });
  if (!row.financedAt && !(row.status === "PAID" && row.paidAt)) return 0;
  let created = (await earnCommission(tx, row)) ? 1 : 0;
  if (row.status === "REJECTED") created += (await reverseCommission(tx, row.id, row.rejectedAt ?? new Date())) ? 1 : 0;
  return created;
}
