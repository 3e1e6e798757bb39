import type { InvoiceStatus } from "@/lib/generated/prisma/enums";

// The invoice as the API returns it: dates in ISO 8601, the due date as a calendar day.
export type ApiInvoice = {
  id: string;
  clientSiren: string;
  supplierSiren: string;
  supplierName: string;
  number: string;
  amountCents: number;
  dueDate: string;
  status: InvoiceStatus;
  submittedAt: string;
  validatedAt: string | null;
  financedAt: string | null;
  paidAt: string | null;
  rejectedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export const apiInvoiceSelect = {
  id: true,
  supplierSiren: true,
  supplierName: true,
  number: true,
  amountCents: true,
  dueDate: true,
  status: true,
  submittedAt: true,
  validatedAt: true,
  financedAt: true,
  paidAt: true,
  rejectedAt: true,
  createdAt: true,
  updatedAt: true,
  client: { select: { siren: true } },
} as const;

type InvoiceRow = {
  id: string;
  supplierSiren: string;
  supplierName: string;
  number: string;
  amountCents: number;
  dueDate: Date;
  status: InvoiceStatus;
  submittedAt: Date;
  validatedAt: Date | null;
  financedAt: Date | null;
  paidAt: Date | null;
  rejectedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  client: { siren: string | null };
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toApiInvoice(row: InvoiceRow): ApiInvoice {
  return {
    id: row.id,
    clientSiren: row.client.siren ?? "",
    supplierSiren: row.supplierSiren,
    supplierName: row.supplierName,
    number: row.number,
    amountCents: row.amountCents,
    dueDate: row.dueDate.toISOString().slice(0, 10),
    status: row.status,
    submittedAt: row.submittedAt.toISOString(),
    validatedAt: iso(row.validatedAt),
    financedAt: iso(row.financedAt),
    paidAt: iso(row.paidAt),
    rejectedAt: iso(row.rejectedAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
