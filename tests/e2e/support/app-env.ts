// What the e2e app instance is started with (playwright.config.ts), shared with the specs that
// start more processes against the same database and must sign the same sessions.
export const E2E_NEXTAUTH_SECRET = "e2e-secret-not-for-production-0123456789abcdef";

export const E2E_DATA_DIR = ".data/e2e";

// The embedded PostgreSQL that `npm start` runs for the e2e app (scripts/start.ts defaults).
export function e2eDatabaseUrl(): string {
  return `postgresql://postgres:postgres@localhost:${process.env.E2E_PG_PORT ?? "5434"}/crm`;
}
