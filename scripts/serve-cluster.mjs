// The primary of the web server when WEB_CONCURRENCY > 1 (README « Processus web »). One Node
// process renders one page at a time: on a machine with several cores, several copies of
// scripts/serve.mjs share one port through node:cluster (the primary accepts connections and
// hands them out in turn). The primary renders nothing; it
// - starts the copies, and replaces one that dies after it was serving (5 deaths within a minute:
//   it gives up and exits 1, and the launcher stops the application);
// - exits 1 when a copy dies before it listened (a taken port, a bad build): that copy printed why;
// - stops every copy on SIGTERM, SIGINT or SIGHUP, and when the launcher disappears;
// - answers /api/metrics for all copies together (prom-client's AggregatorRegistry).
import cluster from "node:cluster";
import client from "prom-client";

export const METRICS_REQUEST = "crm:metrics-request";
export const METRICS_RESPONSE = "crm:metrics-response";
const RESTART_WINDOW_MS = 60_000;
const MAX_RESTARTS = 5;
const STOP_TIMEOUT_MS = 15_000;

export function runPrimary({ processes, supervisorPid, log }) {
  const aggregator = new client.AggregatorRegistry();
  const serving = new Set();
  const deaths = [];
  let stopping = false;
  let exitCode = 0;

  const fork = () => cluster.fork({ WEB_CONCURRENCY: String(processes) });
  const stop = (code, reason) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    if (reason) log(reason);
    const alive = Object.values(cluster.workers ?? {}).filter(Boolean);
    if (alive.length === 0) process.exit(exitCode);
    for (const worker of alive) worker.process.kill("SIGTERM");
    setTimeout(() => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGKILL");
      process.exit(exitCode);
    }, STOP_TIMEOUT_MS).unref();
  };

  cluster.on("listening", (worker) => serving.add(worker.id));
  cluster.on("exit", (worker, code, signal) => {
    const wasServing = serving.delete(worker.id);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
      return;
    }
    if (!wasServing) {
      stop(1, `Un processus web s'est arrêté au démarrage (code ${code ?? signal}) : arrêt du serveur web`);
      return;
    }
    const now = Date.now();
    deaths.push(now);
    while (deaths.length > 0 && deaths[0] < now - RESTART_WINDOW_MS) deaths.shift();
    if (deaths.length >= MAX_RESTARTS) {
      stop(1, `${deaths.length} arrêts de processus web en une minute : arrêt du serveur web`);
      return;
    }
    log(`Processus web ${worker.process.pid} arrêté (${signal ?? `code ${code}`}) : relancé`);
    fork();
  });
  cluster.on("message", (worker, message) => {
    if (message?.type !== METRICS_REQUEST) return;
    aggregator
      .clusterMetrics()
      .then((text) => worker.send({ type: METRICS_RESPONSE, id: message.id, text }))
      .catch((error) => worker.send({ type: METRICS_RESPONSE, id: message.id, error: String(error?.message ?? error) }));
  });

  for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"]) process.on(signal, () => stop(0));
  if (supervisorPid) {
    setInterval(() => {
      if (process.ppid !== supervisorPid) stop(0);
    }, 1000).unref();
  }
  for (let i = 0; i < processes; i++) fork();
}

// In a copy: its metrics answer the primary's collection, and /api/metrics asks the primary for
// everyone's, so a scrape sees the whole server whichever copy it reached.
export function clusterMetricsRegistry(registry, timeoutMs = 5000) {
  // The constructor is what makes prom-client answer the primary's requests in a worker.
  new client.AggregatorRegistry();
  client.AggregatorRegistry.setRegistries([registry]);
  const pending = new Map();
  let nextId = 0;
  process.on("message", (message) => {
    if (message?.type !== METRICS_RESPONSE) return;
    const request = pending.get(message.id);
    if (!request) return;
    pending.delete(message.id);
    clearTimeout(request.timer);
    if (message.error) request.reject(new Error(message.error));
    else request.resolve(message.text);
  });
  return {
    metrics() {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error("métriques des processus web : pas de réponse"));
        }, timeoutMs);
        pending.set(id, { resolve, reject, timer });
        process.send?.({ type: METRICS_REQUEST, id });
      }).catch(async (error) => `# ${error.message} ; ce processus seul :\n${await registry.metrics()}`);
    },
  };
}
