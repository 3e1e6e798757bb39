import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import type { InvoiceStatus } from "@/lib/generated/prisma/enums";
import { apiInvoiceSelect, toApiInvoice, type ApiInvoice } from "@/lib/invoices/api-invoice";
import { INVOICE_STATUS_LABELS } from "@/lib/invoices/labels";
import { findClientBySiren } from "@/lib/invoices/record-invoice";
import { recordCommissionForInvoice } from "@/lib/commissions/record-commission";
import type { ChangeInvoiceStatusInput } from "@/lib/invoices/schemas";
import type { Db } from "@/lib/prisma-client";

// The life of an invoice on the platform (DESIGN.md §2): submitted → validated → financed → paid,
// or rejected before it is paid (a financed invoice the platform reverses is rejected: its
// commission gets a negative line). Skipping steps forward is accepted (a missed call), the
// skipped steps keeping no time.
const RANK: Record<Exclude<InvoiceStatus, "REJECTED">, number> = { SUBMITTED: 0, VALIDATED: 1, FINANCED: 2, PAID: 3 };

const TIME_FIELD = {
  SUBMITTED: "submittedAt",
  VALIDATED: "validatedAt",
  FINANCED: "financedAt",
  PAID: "paidAt",
  REJECTED: "rejectedAt",
} as const satisfies Record<InvoiceStatus, string>;

const label = (s: InvoiceStatus) => `« ${INVOICE_STATUS_LABELS[s]} »`;

// Why `from` → `to` is refused, or null when it is allowed (`from` ≠ `to`).
export function transitionRefusal(from: InvoiceStatus, to: InvoiceStatus): string | null {
  if (from === "REJECTED") return `La facture a été rejetée : elle ne peut plus passer au statut ${label(to)}.`;
  if (to === "REJECTED") {
    return RANK[from] >= RANK.PAID
      ? `La facture est déjà ${label(from)} : elle ne peut plus être rejetée.`
      : null;
  }
  if (RANK[to] < RANK[from]) {
    return `Retour en arrière refusé : la facture est déjà ${label(from)}, elle ne peut pas revenir au statut ${label(to)}.`;
  }
  return null;
}

// Records a status change with its time. Repeating the current status changes nothing; a
// backwards move is a CONFLICT (409) with the reason.
export async function changeInvoiceStatus(
  db: Db,
  input: ChangeInvoiceStatusInput,
): Promise<{ invoice: ApiInvoice; changed: boolean }> {
  const client = await findClientBySiren(db, input.clientSiren);
  return db.$transaction(async (tx) => {
    // The row lock orders concurrent changes of one invoice: each sees the other's result.
    const locked = await tx.$queryRaw<{ id: string; status: InvoiceStatus }[]>`
      SELECT "id", "status"::text AS "status" FROM "Invoice"
      WHERE "clientId" = ${client.id} AND "supplierSiren" = ${input.supplierSiren} AND "number" = ${input.number}
      FOR UPDATE`;
    const current = locked[0];
    if (!current) {
      throw new AppError("NOT_FOUND", `Aucune facture n° ${input.number} de ce fournisseur pour ce client.`, {
        number: ["Facture inconnue : créez-la d'abord avec POST /api/v1/invoices."],
      });
    }
    let changed = false;
    if (current.status !== input.status) {
      const refusal = transitionRefusal(current.status, input.status);
      if (refusal) throw new AppError("CONFLICT", refusal, { status: [refusal] });
      const at = input.at ?? new Date();
      await tx.invoice.update({
        where: { id: current.id },
        data: { status: input.status, [TIME_FIELD[input.status]]: at },
      });
      await recordAudit(tx, {
        entityType: "Invoice",
        entityId: current.id,
        prospectId: client.id,
        actorId: null,
        action: "UPDATE",
        // A step's time is only ever written when the invoice reaches it, and no move goes
        // back, so it was empty before.
        changes: {
          status: { from: current.status, to: input.status },
          [TIME_FIELD[input.status]]: { from: null, to: at.toISOString() },
        },
      });
      await recordCommissionForInvoice(tx, { id: current.id }, current.status);
      changed = true;
    }
    const invoice = await tx.invoice.findUniqueOrThrow({ where: { id: current.id }, select: apiInvoiceSelect });
    return { invoice: toApiInvoice(invoice), changed };
  });
}
