// `npm run restore -- <archive.tar.gz>`: into an empty DATABASE_URL database, or into the
// embedded PostgreSQL of an empty DATA_DIR; then checks the manifest. E-mails that were waiting
// or in flight come back « Suspendu après restauration » (README « Sauvegarde et restauration »).
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getLauncherEnv, getWorkerEnv, uploadsDir } from "@/lib/env";
import { BackupError } from "@/lib/operations/backup/manifest";
import { restoreBackup } from "@/lib/operations/backup/restore-backup";
import { createWorkerStorage } from "@/lib/worker/storage";
import { withDatabase } from "./with-database";

const root = path.resolve(import.meta.dirname, "..");

function log(message: string) {
  console.log(`[restauration] ${message}`);
}

function isEmptyDir(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

async function main(): Promise<number> {
  try {
    const archive = process.argv[2];
    if (!archive) throw new BackupError("Usage : npm run restore -- <archive.tar.gz>");
    const config = getLauncherEnv();
    const workerEnv = getWorkerEnv();
    const dataDir = path.resolve(root, config.DATA_DIR);
    if (!config.DATABASE_URL && !isEmptyDir(path.join(dataDir, "postgres"))) {
      throw new BackupError(`DATA_DIR n'est pas vide (${dataDir}/postgres) : restaurez dans un DATA_DIR neuf.`);
    }
    const localUploads = path.resolve(root, uploadsDir(workerEnv));
    if (!workerEnv.S3_BUCKET && !isEmptyDir(localUploads)) {
      throw new BackupError(`Le dossier des pièces jointes n'est pas vide (${localUploads}) : restaurez dans un dossier vide.`);
    }
    const storage = await createWorkerStorage(workerEnv);
    const result = await withDatabase((databaseUrl) => restoreBackup({ archive: path.resolve(archive), databaseUrl, storage, log }));

    const secret = result.secrets["nextauth-secret"];
    if (secret && !config.NEXTAUTH_SECRET) {
      const file = path.join(dataDir, "nextauth-secret");
      if (!existsSync(file)) writeFileSync(file, secret, { mode: 0o600 });
      else if (readFileSync(file, "utf8").trim() !== secret) log(`Attention : ${file} diffère du secret sauvegardé.`);
    } else if (secret && config.NEXTAUTH_SECRET !== secret) {
      log("Attention : NEXTAUTH_SECRET diffère du secret sauvegardé (liens d'agenda et de désabonnement invalides) : reprenez celui de l'archive.");
    }
    log(
      `Terminé : ${Object.keys(result.manifest.tables).length} tables et ${result.manifest.files.length} fichiers vérifiés` +
        (result.heldEmails ? `, ${result.heldEmails} e-mail(s) « Suspendu après restauration » à examiner dans la Boîte d'envoi` : ""),
    );
    return 0;
  } catch (error) {
    console.error(`[restauration] ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    return 1;
  }
}

main().then((code) => process.exit(code));
