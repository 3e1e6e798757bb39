// Prisma CLI configuration. The app reads its database URL through lib/env.ts;
// this file only serves the CLI (generate, and migrate on connected machines).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx scripts/seed.ts",
  },
  datasource: {
    // Empty is fine for `prisma generate`, which never connects.
    url: process.env.DATABASE_URL ?? "",
  },
});
