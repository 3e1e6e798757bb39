import type { InvoiceStatus } from "@/lib/generated/prisma/enums";

export const INVOICE_STATUS_LABELS: Record<InvoiceStatus, string> = {
  SUBMITTED: "Soumise",
  VALIDATED: "Validée",
  FINANCED: "Financée",
  PAID: "Payée",
  REJECTED: "Rejetée",
};
