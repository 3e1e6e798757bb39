// Prometheus metrics, for a scraper holding METRICS_TOKEN (absent: the endpoint does not exist).
// HTTP request durations and the database pool come from the custom server
// (scripts/serve-observability.mjs), for all its processes when it runs several.
import { db } from "@/lib/db";
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
  return new Response(`${http.trimEnd()}\n${data}\n`, {
    headers: { "Content-Type": "text/plain; version=0.0.4; charset=utf-8", "Cache-Control": "no-store" },
  });
}
