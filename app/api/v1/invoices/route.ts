// POST /api/v1/invoices: the financing platform records an invoice (README « API factures »).
import { apiJson, apiPost } from "@/lib/api/v1";
import { recordInvoice } from "@/lib/invoices/record-invoice";
import { createInvoiceSchema } from "@/lib/invoices/schemas";
import { db } from "@/lib/db";

export const POST = apiPost(createInvoiceSchema, async (input) => {
  const { invoice, created } = await recordInvoice(db, input);
  return apiJson({ invoice, created }, created ? 201 : 200);
});
