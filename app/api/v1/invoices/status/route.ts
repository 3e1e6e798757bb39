// POST /api/v1/invoices/status: the financing platform reports an invoice's new status.
import { apiJson, apiPost } from "@/lib/api/v1";
import { changeInvoiceStatus } from "@/lib/invoices/change-status";
import { changeInvoiceStatusSchema } from "@/lib/invoices/schemas";
import { db } from "@/lib/db";

export const POST = apiPost(changeInvoiceStatusSchema, async (input) => {
  const { invoice, changed } = await changeInvoiceStatus(db, input);
  return apiJson({ invoice, changed });
});
