// `npm start` (production build) and `npm run dev`: one command from a fresh clone to a
// signed-in CRM, and the supervisor of what it starts (DESIGN.md §3, README « Supervision »):
// - checks the configuration, DATA_DIR, the ports and the database before touching anything,
//   each failure being one French line and exit code 1;
// - starts the embedded PostgreSQL unless DATABASE_URL is set, applies the migrations and seeds
//   demo data into an empty database under the migration lock, builds when the sources changed;
// - serves Next.js, runs the worker, restarts the worker and the embedded PostgreSQL when they
//   die (with backoff), exits non-zero when it cannot recover or the web server dies;
// - stops everything on SIGTERM, SIGINT or SIGHUP, and also when its parent (npm) disappears,
//   so a process manager's signal to npm's PID never orphans a server or PostgreSQL.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { checkAppEnv, getLauncherEnv, getToolingEnv, type LauncherEnv } from "@/lib/env";
import { prepareDatabase } from "@/lib/operations/prepare-database";
import { assertDatabaseReachable, assertPortFree, assertWritableDir, StartupError } from "@/lib/operations/preflight";
import { runningChild, runningPid, supervise, type Supervisor } from "@/lib/operations/supervisor";
import { startEmbeddedPostgres } from "@/lib/server/embedded-postgres";
import { buildFingerprint } from "./build-fingerprint";
import { WEB_SERVER_NODE_FLAGS } from "./web-node-flags";

const root = path.resolve(import.meta.dirname, "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const dev = process.argv.includes("--dev");

function log(message: string) {
  console.log(`[crm] ${message}`);
}

function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0] ?? text;
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

function run(script: string, args: string[], env: NodeJS.ProcessEnv, nodeFlags: string[] = []): ChildProcess {
  return spawn(process.execPath, [...nodeFlags, script, ...args], { cwd: root, env, stdio: "inherit" });
}

function waitFor(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

async function preflight(config: LauncherEnv, dataDir: string): Promise<void> {
  assertWritableDir(dataDir);
  // The app's own settings (SMTP_URL, secrets, limits…), with what the launcher provides filled in.
  checkAppEnv({
    ...process.env,
    DATABASE_URL: config.DATABASE_URL ?? "postgresql://localhost/verification",
    NEXTAUTH_SECRET: config.NEXTAUTH_SECRET ?? "x".repeat(32),
  });
  await assertPortFree(config.PORT, "PORT");
  if (config.DATABASE_URL) await assertDatabaseReachable(config.DATABASE_URL, config.DATABASE_CONNECT_TIMEOUT_MS);
  else await assertPortFree(config.EMBEDDED_PG_PORT, "EMBEDDED_PG_PORT");
}

async function main(): Promise<void> {
  let config: LauncherEnv;
  try {
    config = getLauncherEnv();
  } catch (error) {
    console.error(`[crm] ${oneLine(error)}`);
    process.exit(1);
  }
  const dataDir = path.resolve(root, config.DATA_DIR);

  let database: Supervisor | undefined;
  let worker: Supervisor | undefined;
  let server: ChildProcess | undefined;
  let build: ChildProcess | undefined;
  let stopping = false;
  const shutdown = async (code: number, reason?: string) => {
    if (stopping) return;
    stopping = true;
    if (reason) log(reason);
    // The worker's supervisor is told at once: a signal sent to the whole process group (Ctrl+C)
    // also reaches the worker, whose exit must not read as a crash to restart.
    const workerStopped = worker?.stop();
    for (const proc of [build, server]) {
      if (proc && proc.exitCode === null && proc.signalCode === null) await runningChild(proc).stop();
    }
    await workerStopped;
    if (database) {
      log("Arrêt de PostgreSQL embarqué");
      await database.stop().catch((error: unknown) => console.error(`[crm] ${oneLine(error)}`));
    }
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => void shutdown(0, `Signal ${signal} reçu : arrêt de l'application`));
  }
  // npm (or the shell it runs) may be signalled without passing the signal on: when our parent
  // is gone we have been re-parented, and stop as if signalled.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void shutdown(0, "Processus parent arrêté : arrêt de l'application");
  }, 1000).unref();

  try {
    await preflight(config, dataDir);
  } catch (error) {
    console.error(`[crm] ${oneLine(error)}`);
    process.exit(1);
  }

  try {
    let databaseUrl = config.DATABASE_URL;
    if (databaseUrl) {
      log("Base de données : DATABASE_URL (aucun PostgreSQL embarqué démarré)");
    } else {
      log(`Démarrage de PostgreSQL embarqué (données : ${path.relative(root, dataDir)}/postgres, port ${config.EMBEDDED_PG_PORT})`);
      let url = "";
      database = supervise({
        name: "PostgreSQL embarqué",
        log,
        onGiveUp: (message) => void shutdown(1, message),
        start: async () => {
          const pg = await startEmbeddedPostgres({
            dataDir: path.join(dataDir, "postgres"),
            port: config.EMBEDDED_PG_PORT,
            persistent: true,
            verbose: getToolingEnv().EMBEDDED_PG_DEBUG,
          });
          url = pg.url;
          if (pg.pid === undefined) throw new StartupError("PostgreSQL embarqué : PID introuvable");
          return runningPid(pg.pid, pg.stop);
        },
      });
      await database.started;
      databaseUrl = url;
    }

    const { applied } = await prepareDatabase({
      databaseUrl,
      seedDemoData: config.SEED_DEMO_DATA,
      connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
      log,
    });
    log(applied.length ? `Migrations appliquées : ${applied.join(", ")}` : "Schéma à jour");

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      NEXTAUTH_SECRET: resolveSecret(dataDir, config.NEXTAUTH_SECRET),
      NEXTAUTH_URL: config.NEXTAUTH_URL ?? `http://localhost:${config.PORT}`,
      NEXT_TELEMETRY_DISABLED: "1",
      // Children stop by themselves if this launcher disappears without stopping them.
      CRM_SUPERVISOR_PID: String(process.pid),
    };

    if (!dev) {
      const fingerprint = buildFingerprint(root);
      const stampFile = path.join(root, ".next", "crm-build-fingerprint");
      const built = existsSync(stampFile) && readFileSync(stampFile, "utf8") === fingerprint;
      if (!built) {
        log("Compilation de l'application (next build)…");
        build = run(nextBin, ["build"], { ...env, NODE_ENV: "production" });
        const code = await waitFor(build);
        build = undefined;
        if (stopping) return;
        if (code !== 0) throw new Error(`next build a échoué (code ${code})`);
        writeFileSync(stampFile, fingerprint);
      }
    }
    if (stopping) return;

    if (config.RUN_WORKER_IN_APP) {
      // A process of its own: a crash in delivery never takes the web server down, and it is
      // the very same program as `npm run worker`.
      worker = supervise({
        name: "Le worker",
        log,
        onGiveUp: (message) => void shutdown(1, message),
        start: async () =>
          runningChild(
            spawn(
              process.execPath,
              ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "worker.ts")],
              { cwd: root, env: { ...env, NODE_ENV: dev ? "development" : "production" }, stdio: "inherit" },
            ),
          ),
      });
      await worker.started;
    }

    // One Node process renders one page at a time: one copy per core uses the machine (measured
    // by `npm run bench`: README « Processus web »). Development recompiles in one process.
    const processes = dev ? 1 : (config.WEB_CONCURRENCY ?? Math.min(availableParallelism(), 4));
    log(`Application : http://localhost:${config.PORT}${processes > 1 ? ` (${processes} processus web)` : ""}`);
    const serveArgs = ["--port", String(config.PORT), "--processes", String(processes)];
    if (dev) serveArgs.push("--dev");
    if (config.TRUST_PROXY) serveArgs.push("--trust-proxy");
    server = run(
      path.join(root, "scripts", "serve.mjs"),
      serveArgs,
      {
        ...env,
        NODE_ENV: dev ? "development" : "production",
        WEB_CONCURRENCY: String(processes),
      },
      WEB_SERVER_NODE_FLAGS,
    );
    const code = await waitFor(server);
    if (!stopping) await shutdown(code === 0 ? 1 : code, `Le serveur web s'est arrêté (code ${code}) : arrêt de l'application`);
  } catch (error) {
    console.error(`[crm] ${oneLine(error)}`);
    await shutdown(1);
  }
}

void main();
