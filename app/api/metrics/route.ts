// Prometheus metrics, for a scraper holding METRICS_TOKEN (absent: the endpoint does not exist).
// HTTP request durations come from the custom server (scripts/serve-observability.mjs).
import { databasePoolStats, db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { databaseMetrics, isMetricsTokenValid } from "@/lib/operations/metrics";

export const dynamic = "force-dynamic";

type Registry = { metrics(): Promise<string> };

export async function GET(request: Request) {
  const token = getEnv().METRICS_TOKEN;
  if (!token) return new Response("Not found", { status: 404 });
  if (!isMetricsTokenValid(request.headers.get("authorization"), token)) {
    return new Response("Jeton de supervision manquant ou invalide.\n", {
      status: 401,
      headers: { "WWW-Authenticate": "Bearer", "Cache-Control": "no-store" },
    });
  }
  const registry = (globalThis as { __crmMetricsRegistry?: Registry }).__crmMetricsRegistry;
  const [http, data] = await Promise.all([
    registry ? registry.metrics() : Promise.resolve(""),
    databaseMetrics(db).catch(() => "# base de données injoignable\ncrm_database_up 0"),
  ]);
  const pool = databasePoolStats();
  const poolLines = pool
    ? [
        "# HELP crm_db_pool_connections Connexions PostgreSQL de ce processus",
        "# TYPE crm_db_pool_connections gauge",
        `crm_db_pool_connections{state="in_use"} ${pool.inUse}`,
        `crm_db_pool_connections{state="idle"} ${pool.idle}`,
        "# HELP crm_db_pool_waiting Requêtes en attente d'une connexion PostgreSQL",
        "# TYPE crm_db_pool_waiting gauge",
        `crm_db_pool_waiting ${pool.waiting}`,
      ].join("\n")
    : "";
  return new Response(`${http.trimEnd()}\n${data}\n${poolLines}\n`, {
    headers: { "Content-Type": "text/plain; version=0.0.4; charset=utf-8", "Cache-Control": "no-store" },
  });
}
