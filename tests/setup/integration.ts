// Runs before each integration test file: points lib/env at the test database and starts the
// file from empty tables, so files never see each other's rows.
import { afterAll, beforeAll } from "vitest";
import { resetEnvCacheForTests } from "@/lib/env";
import { disconnectTestDb, getTestDatabaseUrl, resetDatabase } from "./db";

process.env.DATABASE_URL = getTestDatabaseUrl();
process.env.NEXTAUTH_SECRET ??= "integration-tests-only-secret-0123456789abcdef";
process.env.NEXTAUTH_URL ??= "http://localhost:3000";
resetEnvCacheForTests();

beforeAll(async () => {
  await resetDatabase();
});

afterAll(async () => {
  await disconnectTestDb();
});
