// `npm run commissions:backfill`: commission lines for invoices financed before the feature
// existed. Safe to run any number of times: the unique (invoice, type) index keeps one line
// each, so a second run creates nothing. Not server-only: run from scripts/.
import { backfillInvoiceCommission } from "@/lib/commissions/record-commission";
import type { Db } from "@/lib/prisma-client";

export async function backfillCommissions(db: Db, options: { batchSize?: number } = {}): Promise<{ invoices: number; created: number }> {
  const batchSize = options.batchSize ?? 200;
  let cursor: string | undefined;
  let invoices = 0;
  let created = 0;
  for (;;) {
    const batch = await db.invoice.findMany({
      where: { OR: [{ financedAt: { not: null } }, { status: "PAID" }] },
      orderBy: { id: "asc" },
      take: batchSize,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: { id: true },
    });
    for (const { id } of batch) {
      // One transaction per invoice, ordered by its row lock like the invoice API's.
      created += await db.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT "id" FROM "Invoice" WHERE "id" = ${id} FOR UPDATE`;
        return backfillInvoiceCommission(tx, id);
      });
    }
    invoices += batch.length;
    if (batch.length < batchSize) break;
    cursor = batch[batch.length - 1]!.id;
  }
  return { invoices, created };
}
