// `npm run backup [-- <archive.tar.gz>]`: database, files and secrets in one archive with a
// manifest (README « Sauvegarde et restauration »). Safe while the app runs: on the embedded
// PostgreSQL of a running `npm start`, or on DATABASE_URL; starts the embedded one otherwise.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { getLauncherEnv, getWorkerEnv } from "@/lib/env";
import { createBackup } from "@/lib/operations/backup/create-backup";
import { assertDatabaseReachable } from "@/lib/operations/preflight";
import { buildPostgresUrl } from "@/lib/server/embedded-postgres";
import { createWorkerStorage } from "@/lib/worker/storage";
import { withDatabase } from "./with-database";

const root = path.resolve(import.meta.dirname, "..");

function log(message: string) {
  console.log(`[sauvegarde] ${message}`);
}

async function main(): Promise<number> {
  try {
    const config = getLauncherEnv();
    const dataDir = path.resolve(root, config.DATA_DIR);
    const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "").replace("T", "-");
    const outFile = path.resolve(process.argv[2] ?? path.join(root, `crm-sauvegarde-${stamp}.tar.gz`));
    const secretFile = path.join(dataDir, "nextauth-secret");
    const secret = config.NEXTAUTH_SECRET ?? (existsSync(secretFile) ? readFileSync(secretFile, "utf8").trim() : undefined);
    const storage = await createWorkerStorage(getWorkerEnv());

    const backup = (databaseUrl: string) =>
      createBackup({ databaseUrl, storage, secrets: secret ? { "nextauth-secret": secret } : {}, outFile, log });

    let manifest;
    if (config.DATABASE_URL) {
      manifest = await backup(config.DATABASE_URL);
    } else {
      // The embedded server of a running `npm start`, if there is one; else start it for the backup.
      const running = buildPostgresUrl({ user: "postgres", password: "postgres", port: config.EMBEDDED_PG_PORT, database: "crm" });
      const reachable = await assertDatabaseReachable(running, 2000).then(
        () => true,
        () => false,
      );
      manifest = reachable ? await backup(running) : await withDatabase(backup);
    }
    const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
    log(`Archive écrite : ${outFile} (${rows} lignes, ${manifest.files.length} fichiers, PostgreSQL ${manifest.postgres.serverVersion})`);
    return 0;
  } catch (error) {
    console.error(`[sauvegarde] ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    return 1;
  }
}

// Explicit exit: embedded-postgres registers an exit hook that would otherwise end with code 0.
main().then((code) => process.exit(code));
