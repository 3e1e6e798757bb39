// The HTTP server behind `npm start`, started by scripts/start.ts with a validated environment.
// A custom server rather than `next start` for one reason: without a trusted reverse proxy,
// the client address used for sign-in throttling must come from the socket, never from an
// X-Forwarded-For header the client chose.
// With --processes N (WEB_CONCURRENCY, more than 1), N copies of it share the port under
// scripts/serve-cluster.mjs.
// Usage: node scripts/serve.mjs --port 3000 [--dev] [--trust-proxy] [--processes 2]
import cluster from "node:cluster";
import { createServer } from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import next from "next";
import {
  blockedWhileDown,
  createDatabaseGuard,
  createHttpMetrics,
  createLogger,
  routePattern,
  sessionUserId,
  UNAVAILABLE_HTML,
} from "./serve-observability.mjs";
import { clusterMetricsRegistry, runPrimary } from "./serve-cluster.mjs";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "3000" },
    dev: { type: "boolean", default: false },
    "trust-proxy": { type: "boolean", default: false },
    processes: { type: "string", default: "1" },
  },
});
const port = Number(values.port);
const root = path.resolve(import.meta.dirname, "..");
// Development recompiles on the fly: one process.
const processes = values.dev ? 1 : Math.max(1, Math.trunc(Number(values.processes)) || 1);
const supervisor = Number(process.env.CRM_SUPERVISOR_PID);

if (processes > 1 && cluster.isPrimary) {
  runPrimary({ processes, supervisorPid: supervisor || undefined, log: (message) => console.log(`[crm] ${message}`) });
} else {
  await serve();
}

async function serve() {
  const app = next({ dev: values.dev, dir: root, port, hostname: "localhost" });
  const handle = app.getRequestHandler();
  await app.prepare();

  const logger = createLogger({ dev: values.dev });
  const { registry, duration } = createHttpMetrics();
  if (cluster.isWorker) globalThis.__crmMetricsRegistry = clusterMetricsRegistry(registry);
  const guard = createDatabaseGuard({ databaseUrl: process.env.DATABASE_URL, log: (message) => logger.warn(message) });

  const server = createServer((req, res) => {
    if (!values["trust-proxy"]) {
      delete req.headers["x-real-ip"];
      req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "";
    }
    const started = process.hrtime.bigint();
    const route = routePattern(req.url);
    res.on("finish", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      duration.observe({ method: req.method ?? "GET", route, status: String(res.statusCode) }, seconds);
      if (route === "/_next/*") return;
      void sessionUserId(req.headers.cookie, process.env.NEXTAUTH_SECRET).then((userId) =>
        logger.info({ method: req.method, route, status: res.statusCode, durationMs: Math.round(seconds * 1000), userId }, "request"),
      );
    });
    if (guard.isDown() && blockedWhileDown(req.url)) {
      const json = (req.url ?? "").startsWith("/api/");
      res.writeHead(503, {
        "Content-Type": json ? "application/json; charset=utf-8" : "text/html; charset=utf-8",
        "Retry-After": "10",
        "Cache-Control": "no-store",
      });
      res.end(json ? JSON.stringify({ error: "Service momentanément indisponible" }) : UNAVAILABLE_HTML);
      return;
    }
    handle(req, res).catch((error) => {
      logger.error({ route, err: error }, "request failed");
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });

  // A port taken after the launcher checked it (a race) is one French line and exit 1, not a stack.
  server.on("error", (error) => {
    const reason = error.code === "EADDRINUSE" ? `le port ${port} est déjà utilisé (PORT)` : error.message;
    console.error(`[crm] Le serveur web ne peut pas démarrer : ${reason}`);
    process.exit(1);
  });

  server.listen(port, () => {
    const copy = cluster.isWorker ? ` (processus ${cluster.worker.id} sur ${processes})` : "";
    console.log(`> Prêt sur http://localhost:${port}${values.dev ? " (développement)" : ""}${copy}`);
  });

  // Idle keep-alive sockets would hold close() open; in-flight requests still finish.
  const close = () => {
    guard.stop();
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on("SIGTERM", close);
  process.on("SIGINT", close);
  process.on("SIGHUP", close);

  // Started by the launcher: stop if it disappeared without stopping us (killed with -9). A copy
  // under the cluster primary stops when the primary is gone (its IPC channel closes).
  if (cluster.isWorker) {
    process.on("disconnect", close);
  } else if (supervisor) {
    setInterval(() => {
      if (process.ppid !== supervisor) close();
    }, 1000).unref();
  }
}
