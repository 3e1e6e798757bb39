// Migrates, then seeds the demo data into an empty database, both under the migration advisory
// lock: two instances started at once on an empty database migrate and seed once, the second
// waiting for the first and finding users there. Not server-only: the launcher uses it.
import { runMigrations } from "@/lib/migrations/runner";
import { createPrismaClient } from "@/lib/prisma-client";
import { isDatabaseEmpty, seedDemoData } from "@/prisma/seed";

export type PrepareDatabaseOptions = {
  databaseUrl: string;
  seedDemoData: boolean;
  connectTimeoutMs?: number;
  log?: (message: string) => void;
};

export async function prepareDatabase(options: PrepareDatabaseOptions): Promise<{ applied: string[]; seeded: boolean }> {
  let seeded = false;
  const { applied } = await runMigrations({
    databaseUrl: options.databaseUrl,
    log: options.log,
    connectTimeoutMs: options.connectTimeoutMs,
    whileLocked: async (url) => {
      if (!options.seedDemoData) return;
      const db = createPrismaClient(url, { max: 2, connectTimeoutMs: options.connectTimeoutMs });
      try {
        if (await isDatabaseEmpty(db)) {
          options.log?.("Base vide : chargement des données de démonstration…");
          const result = await seedDemoData(db);
          seeded = true;
          options.log?.(`Données de démonstration prêtes (${result.prospects} prospects)`);
        }
      } finally {
        await db.$disconnect();
      }
    },
  });
  return { applied, seeded };
}
