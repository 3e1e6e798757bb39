// What the custom server adds around Next.js for operators (README « Supervision »):
// - one JSON line per request (pino): method, route pattern, status, duration, user id; never
//   a query string, a token or personal data;
// - the HTTP duration histogram of /api/metrics (prom-client), shared with the route handler
//   through globalThis because Next.js bundles its own copy of modules;
// - a database guard: while PostgreSQL does not answer, pages get a French 503 « Service
//   momentanément indisponible » instead of Next's 500.
import pg from "pg";
import pino from "pino";
import client from "prom-client";

const ID_SEGMENT = /^(?:c[a-z0-9]{20,}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+|[A-Za-z0-9_-]{24,})$/;

// /prospects/cm3x…/actions?x=1 → /prospects/:id/actions; secret-bearing paths lose their token.
export function routePattern(url) {
  const pathname = (url ?? "/").split("?")[0].split("#")[0] || "/";
  if (pathname.startsWith("/_next/")) return "/_next/*";
  const segments = pathname.split("/").map((segment, index, all) => {
    if (index > 0 && (all[index - 1] === "onboarding" || all[index - 1] === "feed" || all[index - 1] === "desabonnement")) {
      return segment ? ":token" : segment;
    }
    return ID_SEGMENT.test(segment) ? ":id" : segment;
  });
  return segments.join("/").slice(0, 200) || "/";
}

export function createLogger({ dev }) {
  return pino({
    base: { service: "crm-web" },
    timestamp: pino.stdTimeFunctions.isoTime,
    ...(dev ? { transport: { target: "pino-pretty", options: { translateTime: "SYS:HH:MM:ss" } } } : {}),
  });
}

export function createHttpMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: "crm_web_" });
  const duration = new client.Histogram({
    name: "crm_http_request_duration_seconds",
    help: "Durée des requêtes HTTP par route",
    labelNames: ["method", "route", "status"],
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  // The app's PostgreSQL pool (lib/db.ts keeps it on globalThis), read at each scrape: under
  // the cluster primary the copies' values add up, so the gauges describe the whole server.
  const pool = () => globalThis.__crmDbPool ?? { totalCount: 0, idleCount: 0, waitingCount: 0 };
  new client.Gauge({
    name: "crm_db_pool_connections",
    help: "Connexions PostgreSQL du serveur web",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      const { totalCount, idleCount } = pool();
      this.set({ state: "in_use" }, totalCount - idleCount);
      this.set({ state: "idle" }, idleCount);
    },
  });
  new client.Gauge({
    name: "crm_db_pool_waiting",
    help: "Requêtes en attente d'une connexion PostgreSQL",
    registers: [registry],
    collect() {
      this.set(pool().waitingCount);
    },
  });
  globalThis.__crmMetricsRegistry = registry;
  return { registry, duration };
}

// The session's user id, read from the next-auth JWT cookie; absent when there is none.
export async function sessionUserId(cookieHeader, secret) {
  if (!cookieHeader || !secret) return undefined;
  const match = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token=([^;]+)/.exec(cookieHeader);
  if (!match) return undefined;
  // One decode per distinct cookie (HKDF and a JWE decryption each): the log line of every
  // request would otherwise pay it again after the proxy and the page.
  const cached = userIdByCookie.get(match[1]);
  if (cached && cached.secret === secret && cached.expiresMs > Date.now()) return cached.userId;
  try {
    const { decode } = await import("next-auth/jwt");
    const token = await decode({ token: decodeURIComponent(match[1]), secret });
    const userId = typeof token?.sub === "string" ? token.sub : undefined;
    if (userId) {
      if (userIdByCookie.size >= 1000) userIdByCookie.delete(userIdByCookie.keys().next().value);
      userIdByCookie.set(match[1], { secret, userId, expiresMs: typeof token.exp === "number" ? token.exp * 1000 : Infinity });
    }
    return userId;
  } catch {
    return undefined;
  }
}
const userIdByCookie = new Map();

export const UNAVAILABLE_HTML = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Service momentanément indisponible · CRM Partenaires</title><meta name="viewport" content="width=device-width, initial-scale=1"></head><body style="font-family:system-ui,sans-serif;background:#f8fafc;color:#0f172a"><main role="alert" style="max-width:36rem;margin:0 auto;padding:4rem 1rem;text-align:center"><h1 style="font-size:1.5rem">Service momentanément indisponible</h1><p style="color:#475569">La base de données ne répond pas. Vos données ne sont pas perdues : réessayez dans quelques instants.</p><p><a href="" style="color:#1d4ed8">Réessayer</a></p></main></body></html>`;

// Probes the database every `intervalMs`; two failures in a row mark it down, one success up.
// The timeout is generous on purpose: a server saturated at c=10 on two cores lags its event
// loop past a second, and a 1 s probe then declared a healthy database down and answered 503
// (measured by `npm run bench`).
export function createDatabaseGuard({ databaseUrl, intervalMs = 3000, timeoutMs = 5000, log }) {
  let down = false;
  let failures = 0;
  let timer;
  const probe = async () => {
    const c = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
    c.on("error", () => undefined);
    try {
      await c.connect();
      await c.query("SELECT 1");
      if (down) log?.("Base de données de nouveau joignable");
      down = false;
      failures = 0;
    } catch (error) {
      failures += 1;
      if (failures >= 2 && !down) {
        down = true;
        log?.(`Base de données injoignable : ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
      }
    } finally {
      await c.end().catch(() => undefined);
    }
  };
  if (databaseUrl) {
    timer = setInterval(() => void probe(), intervalMs);
    timer.unref();
  }
  return {
    isDown: () => down,
    probe,
    stop: () => clearInterval(timer),
  };
}

// Whether a request gets the 503 while the database is down: pages and API calls, but not the
// liveness probe nor static assets (the browser still gets a styled page later).
export function blockedWhileDown(url) {
  const pathname = (url ?? "/").split("?")[0];
  return !(pathname.startsWith("/_next/static/") || pathname === "/api/health/live" || pathname === "/api/health/ready" || /\.[a-z0-9]+$/i.test(pathname));
}
