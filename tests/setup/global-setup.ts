// Integration project: one PostgreSQL per run — a throwaway embedded cluster on a free port, or
// TEST_DATABASE_URL when set — migrated once, its URL handed to the tests with provide().
import { chmod, mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { getToolingEnv } from "@/lib/env";
import { runMigrations } from "@/lib/migrations/runner";
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from "@/lib/server/embedded-postgres";
import { assertLocalDatabaseUrl } from "./local-database";
import "./provided-context";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen({ port: 0, host: "127.0.0.1" }, () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const env = getToolingEnv();
  let server: EmbeddedPostgresHandle | undefined;
  let tempDir: string | undefined;
  let databaseUrl: string;

  if (env.TEST_DATABASE_URL) {
    assertLocalDatabaseUrl(env.TEST_DATABASE_URL);
    databaseUrl = env.TEST_DATABASE_URL;
  } else {
    tempDir = await mkdtemp(path.join(os.tmpdir(), "crm-test-"));
    // Run as root, PostgreSQL runs as the `postgres` user, which must be able to enter the directory.
    await chmod(tempDir, 0o755);
    server = await startEmbeddedPostgres({
      dataDir: path.join(tempDir, "postgres"),
      port: await freePort(),
      persistent: false,
      database: "crm_test",
      verbose: env.EMBEDDED_PG_DEBUG,
    });
    databaseUrl = server.url;
  }

  try {
    assertLocalDatabaseUrl(databaseUrl);
    await runMigrations({ databaseUrl });
  } catch (error) {
    await server?.stop();
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
    throw error;
  }

  project.provide("databaseUrl", databaseUrl);

  return async () => {
    await server?.stop();
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  };
}
