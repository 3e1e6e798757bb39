import "server-only";
import { recordAudit, snapshotForAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { apiInvoiceSelect, toApiInvoice, type ApiInvoice } from "@/lib/invoices/api-invoice";
import type { CreateInvoiceInput } from "@/lib/invoices/schemas";
import type { DbClient } from "@/lib/prisma-client";
import { formatSiren } from "@/lib/format";

// The client is the prospect holding this SIREN under an active registration (a file closed as
// « Pas intéressé, sans suite » no longer holds it); at most one, by the partial unique index.
export async function findClientBySiren(db: DbClient, siren: string): Promise<{ id: string }> {
  const client = await db.prospect.findFirst({
    where: { siren, status: { not: "NOT_INTERESTED" } },
    select: { id: true },
  });
  if (!client) {
    throw new AppError("NOT_FOUND", `Aucun client n'est enregistré avec le SIREN ${formatSiren(siren)}.`, {
      clientSiren: ["SIREN inconnu du CRM."],
    });
  }
  return client;
}

// The fields an invoice's CREATE event keeps, for the client's « Historique ».
export const INVOICE_AUDIT_FIELDS = ["supplierName", "supplierSiren", "number", "amountCents", "dueDate", "status", "submittedAt"] as const;

// A client opens its own transaction; a transaction passed in is simply used.
async function inTransaction<T>(db: DbClient, fn: (tx: DbClient) => Promise<T>): Promise<T> {
  if ("$transaction" in db && typeof db.$transaction === "function") return db.$transaction((tx) => fn(tx));
  return fn(db);
}

// Idempotent on (client, supplier SIREN, number): a repeated call returns the invoice already
// recorded, unchanged (status changes go through changeInvoiceStatus). Only the call that
// creates it writes the history event, in the same transaction.
export async function recordInvoice(
  db: DbClient,
  input: CreateInvoiceInput,
): Promise<{ invoice: ApiInvoice; created: boolean }> {
  const client = await findClientBySiren(db, input.clientSiren);
  const key = { clientId: client.id, supplierSiren: input.supplierSiren, number: input.number };
  return inTransaction(db, async (tx) => {
    // ON CONFLICT DO NOTHING: two identical calls racing both succeed, one of them creating.
    const { count } = await tx.invoice.createMany({
      data: [
        {
          ...key,
          supplierName: input.supplierName,
          amountCents: input.amountCents,
          dueDate: input.dueDate,
          status: "SUBMITTED",
          submittedAt: input.submittedAt ?? new Date(),
        },
      ],
      skipDuplicates: true,
    });
    const invoice = await tx.invoice.findUniqueOrThrow({
      where: { clientId_supplierSiren_number: key },
      select: apiInvoiceSelect,
    });
    if (count === 1) {
      await recordAudit(tx, {
        entityType: "Invoice",
        entityId: invoice.id,
        prospectId: client.id,
        // The financing platform, through its API key: no user of the CRM.
        actorId: null,
        action: "CREATE",
        changes: snapshotForAudit(invoice, INVOICE_AUDIT_FIELDS),
      });
    }
    return { invoice: toApiInvoice(invoice), created: count === 1 };
  });
}
