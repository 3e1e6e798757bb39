import "server-only";
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

// Idempotent on (client, supplier SIREN, number): a repeated call returns the invoice already
// recorded, unchanged (status changes go through changeInvoiceStatus).
export async function recordInvoice(
  db: DbClient,
  input: CreateInvoiceInput,
): Promise<{ invoice: ApiInvoice; created: boolean }> {
  const client = await findClientBySiren(db, input.clientSiren);
  const key = { clientId: client.id, supplierSiren: input.supplierSiren, number: input.number };
  // ON CONFLICT DO NOTHING: two identical calls racing both succeed, one of them creating.
  const { count } = await db.invoice.createMany({
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
  const invoice = await db.invoice.findUniqueOrThrow({
    where: { clientId_supplierSiren_number: key },
    select: apiInvoiceSelect,
  });
  return { invoice: toApiInvoice(invoice), created: count === 1 };
}
