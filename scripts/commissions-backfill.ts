// `npm run commissions:backfill`: computes the commission lines of invoices financed before the
// remuneration feature, once (a second run creates nothing). Uses DATABASE_URL, or the embedded
// PostgreSQL when it is unset.
import { backfillCommissions } from "@/lib/commissions/backfill";
import { createPrismaClient } from "@/lib/prisma-client";
import { withDatabase } from "./with-database";

async function main(): Promise<number> {
  try {
    const result = await withDatabase(async (databaseUrl) => {
      const db = createPrismaClient(databaseUrl, { max: 2 });
      try {
        return await backfillCommissions(db);
      } finally {
        await db.$disconnect();
      }
    });
    console.log(`[commissions] ${result.invoices} facture(s) financée(s) examinée(s), ${result.created} ligne(s) de commission créée(s).`);
    return 0;
  } catch (error) {
    console.error(`[commissions] ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

main().then((code) => process.exit(code));
