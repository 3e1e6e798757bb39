// `npm run db:seed`: migrates, then loads the demo data (idempotent: safe to run again).
import { runMigrations } from "@/lib/migrations/runner";
import { createPrismaClient } from "@/lib/prisma-client";
import { seedDemoData } from "@/prisma/seed";
import { withDatabase } from "./with-database";

await withDatabase(async (databaseUrl) => {
  await runMigrations({ databaseUrl });
  const db = createPrismaClient(databaseUrl, { max: 2 });
  try {
    const result = await seedDemoData(db);
    console.log(
      result.skipped
        ? "Données de démonstration déjà présentes : comptes de démonstration vérifiés."
        : `Données de démonstration créées : ${result.prospects} prospects, ${result.users} utilisateurs.`,
    );
  } finally {
    await db.$disconnect();
  }
});
