// For one-off commands (`npm run db:migrate`, `npm run db:seed`): use DATABASE_URL, or start
// the embedded PostgreSQL on its usual data directory for the duration of the command.
import path from "node:path";
import { getLauncherEnv, getToolingEnv } from "@/lib/env";
import { startEmbeddedPostgres } from "@/lib/server/embedded-postgres";

export async function withDatabase<T>(fn: (databaseUrl: string) => Promise<T>): Promise<T> {
  const config = getLauncherEnv();
  if (config.DATABASE_URL) return fn(config.DATABASE_URL);
  const root = path.resolve(import.meta.dirname, "..");
  const pg = await startEmbeddedPostgres({
    dataDir: path.join(path.resolve(root, config.DATA_DIR), "postgres"),
    port: config.EMBEDDED_PG_PORT,
    persistent: true,
    verbose: getToolingEnv().EMBEDDED_PG_DEBUG,
  });
  try {
    return await fn(pg.url);
  } finally {
    await pg.stop();
  }
}
