// `npm start` (production build) and `npm run dev`: one command from a fresh clone to a
// signed-in CRM. Starts the embedded PostgreSQL unless DATABASE_URL is set, applies the
// migrations, seeds demo data into an empty database, builds when the sources changed,
// then serves Next.js and stops everything cleanly on SIGINT/SIGTERM.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getLauncherEnv, getToolingEnv } from "@/lib/env";
import { runMigrations } from "@/lib/migrations/runner";
import { startEmbeddedPostgres } from "@/lib/server/embedded-postgres";
import { createPrismaClient } from "@/lib/prisma-client";
import { isDatabaseEmpty, seedDemoData } from "@/prisma/seed";
import { buildFingerprint } from "./build-fingerprint";

const root = path.resolve(import.meta.dirname, "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const dev = process.argv.includes("--dev");

function log(message: string) {
  console.log(`[crm] ${message}`);
}

// Sessions must survive restarts, so a generated secret is kept next to the data.
function resolveSecret(dataDir: string, configured: string | undefined): string {
  if (configured) return configured;
  const file = path.join(dataDir, "nextauth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  log(`NEXTAUTH_SECRET absent : secret généré et conservé dans ${path.relative(root, file)}`);
  return secret;
}

function run(script: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [script, ...args], { cwd: root, env, stdio: "inherit" });
}

function waitFor(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

async function main() {
  const config = getLauncherEnv();
  const dataDir = path.resolve(root, config.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });

  let stopDatabase: (() => Promise<void>) | undefined;
  let databaseUrl = config.DATABASE_URL;
  if (databaseUrl) {
    log("Base de données : DATABASE_URL (aucun PostgreSQL embarqué démarré)");
  } else {
    log(`Démarrage de PostgreSQL embarqué (données : ${path.relative(root, dataDir)}/postgres, port ${config.EMBEDDED_PG_PORT})`);
    const pg = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, "postgres"),
      port: config.EMBEDDED_PG_PORT,
      persistent: true,
      verbose: getToolingEnv().EMBEDDED_PG_DEBUG,
    });
    databaseUrl = pg.url;
    stopDatabase = pg.stop;
  }

  let child: ChildProcess | undefined;
  let worker: ChildProcess | undefined;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const proc of [child, worker]) {
      if (proc && proc.exitCode === null && proc.signalCode === null) {
        proc.kill("SIGTERM");
        await waitFor(proc);
      }
    }
    if (stopDatabase) {
      log("Arrêt de PostgreSQL embarqué");
      await stopDatabase().catch((error: unknown) => console.error(error));
    }
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    const { applied } = await runMigrations({ databaseUrl, log });
    log(applied.length ? `Migrations appliquées : ${applied.join(", ")}` : "Schéma à jour");

    const db = createPrismaClient(databaseUrl, { max: 2 });
    try {
      if (config.SEED_DEMO_DATA && (await isDatabaseEmpty(db))) {
        log("Base vide : chargement des données de démonstration…");
        const result = await seedDemoData(db);
        log(`Données de démonstration prêtes (${result.prospects} prospects)`);
      }
    } finally {
      await db.$disconnect();
    }

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: resolveSecret(dataDir, config.NEXTAUTH_SECRET),
      NEXTAUTH_URL: config.NEXTAUTH_URL ?? `http://localhost:${config.PORT}`,
      NEXT_TELEMETRY_DISABLED: "1",
    };

    if (!dev) {
      const fingerprint = buildFingerprint(root);
      const stampFile = path.join(root, ".next", "crm-build-fingerprint");
      const built = existsSync(stampFile) && readFileSync(stampFile, "utf8") === fingerprint;
      if (!built) {
        log("Compilation de l'application (next build)…");
        child = run(nextBin, ["build"], { ...env, NODE_ENV: "production" });
        const code = await waitFor(child);
        child = undefined;
        if (code !== 0) throw new Error(`next build a échoué (code ${code})`);
        writeFileSync(stampFile, fingerprint);
      }
    }

    if (config.RUN_WORKER_IN_APP) {
      // A process of its own: a crash in delivery never takes the web server down, and it is
      // the very same program as `npm run worker`.
      worker = spawn(
        process.execPath,
        ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "worker.ts")],
        { cwd: root, env: { ...env, NODE_ENV: dev ? "development" : "production" }, stdio: "inherit" },
      );
      worker.on("exit", (code) => {
        if (!stopping) log(`Le worker s'est arrêté (code ${code}) : les e-mails ne partent plus. Relancez l'application.`);
      });
    }

    log(`Application : http://localhost:${config.PORT}`);
    const serveArgs = ["--port", String(config.PORT)];
    if (dev) serveArgs.push("--dev");
    if (config.TRUST_PROXY) serveArgs.push("--trust-proxy");
    child = run(path.join(root, "scripts", "serve.mjs"), serveArgs, {
      ...env,
      NODE_ENV: dev ? "development" : "production",
    });
    const code = await waitFor(child);
    await shutdown(code);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await shutdown(1);
  }
}

void main();
