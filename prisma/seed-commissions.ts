// The demo's remuneration history (issue 10): a year of financed invoices on the partners'
// clients, one network client, their commission lines, and a statement per organisation and
// month: paid for the older months, validated for the month before last, in preparation for
// the last one. Runs outside Next.js (no server-only module): the statements' PDFs of record
// are issued on first download (lib/commissions/download.ts).
import { backfillCommissions } from "@/lib/commissions/backfill";
import { addMonths, monthOfColumn, monthStartColumn, parisMonthOf } from "@/lib/commissions/compute";
import { generateStatementsForMonth } from "@/lib/commissions/generate-statements";
import { allocateStatementNumber } from "@/lib/commissions/numbering";
import { parisYear } from "@/lib/quotes/numbering";
import type { Db } from "@/lib/prisma-client";
import { createInvoice, sirenFrom } from "@/tests/factories";

const DAY = 86_400_000;

export async function seedCommissions(db: Db, now: Date): Promise<{ lines: number; statements: number }> {
  const clients = await db.prospect.findMany({
    where: { stage: "CLIENT" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, name: true, partnerId: true },
  });
  const direct = clients.filter((c) => c.partnerId);
  const partnerless = clients.find((c) => !c.partnerId);
  // A network client: introduced as a « Connexion » by a client of the first organisation.
  if (partnerless && direct[0]) {
    await db.connection.create({
      data: {
        prospectId: direct[0].id,
        name: partnerless.name,
        relation: "CUSTOMER",
        source: "PLATFORM",
        linkedProspectId: partnerless.id,
        siren: (await db.prospect.findUniqueOrThrow({ where: { id: partnerless.id }, select: { siren: true } })).siren,
      },
    });
  }

  const current = parisMonthOf(now);
  const historical = [...direct.slice(0, 8), ...(partnerless ? [partnerless] : [])];
  for (const [c, client] of historical.entries()) {
    for (let back = 1; back <= 11; back++) {
      // Not every client every month: a demo portfolio with gaps.
      if ((c + back) % 3 === 0) continue;
      const month = addMonths(current, -back);
      const at = new Date(monthStartColumn(month).getTime() + (5 + ((c * 7 + back * 3) % 20)) * DAY + 10 * 3_600_000);
      await createInvoice(db, {
        clientId: client.id,
        status: back > 2 ? "PAID" : "FINANCED",
        at,
        supplierName: `Fournisseur historique ${c + 1}`,
        supplierSiren: sirenFrom(70_500_000 + c),
        number: `FAC-H-${month}-${c + 1}`,
        amountCents: (1_500 + ((c * 1_337 + back * 611) % 30_000)) * 100,
      });
    }
  }

  const { created: lines } = await backfillCommissions(db);
  for (let back = 12; back >= 1; back--) await generateStatementsForMonth(db, addMonths(current, -back));

  // Settle history in month order, so REL numbers follow the periods.
  const drafts = await db.commissionStatement.findMany({
    where: { status: "DRAFT", periodMonth: { lt: monthStartColumn(addMonths(current, -1)) } },
    orderBy: [{ periodMonth: "asc" }, { partnerId: "asc" }],
    select: { id: true, periodMonth: true, partnerId: true },
  });
  for (const [i, statement] of drafts.entries()) {
    const month = monthOfColumn(statement.periodMonth);
    const validatedAt = new Date(monthStartColumn(addMonths(month, 1)).getTime() + 4 * DAY + 9 * 3_600_000);
    const paid = month < addMonths(current, -2);
    await db.$transaction(async (tx) => {
      const number = await allocateStatementNumber(tx, parisYear(validatedAt));
      await tx.commissionStatement.update({
        where: { id: statement.id },
        data: {
          status: paid ? "PAID" : "VALIDATED",
          number,
          validatedAt,
          ...(paid
            ? { paidOn: new Date(validatedAt.getTime() + 10 * DAY), paymentReference: `VIR-${month.replace("-", "")}-${String(i + 1).padStart(3, "0")}` }
            : {}),
        },
      });
    });
  }
  return { lines, statements: await db.commissionStatement.count() };
}
