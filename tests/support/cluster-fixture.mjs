// A stand-in for scripts/serve.mjs under the real cluster primary (scripts/serve-cluster.mjs),
// without Next.js: tests/integration/web-cluster.test.ts drives it over HTTP.
// Env: FIXTURE_PORT, FIXTURE_PROCESSES, FIXTURE_FAIL_AT_START (a copy that exits before listening).
import cluster from "node:cluster";
import http from "node:http";
import client from "prom-client";
import { clusterMetricsRegistry, runPrimary } from "../../scripts/serve-cluster.mjs";

const port = Number(process.env.FIXTURE_PORT);
if (cluster.isPrimary) {
  runPrimary({ processes: Number(process.env.FIXTURE_PROCESSES), log: (message) => console.log(`[crm] ${message}`) });
} else {
  if (process.env.FIXTURE_FAIL_AT_START) process.exit(3);
  const registry = new client.Registry();
  const requests = new client.Counter({ name: "fixture_requests_total", help: "Requêtes reçues", registers: [registry] });
  const metrics = clusterMetricsRegistry(registry);
  http
    .createServer(async (req, res) => {
      requests.inc();
      if (req.url === "/crash") {
        res.end(String(process.pid), () => process.exit(1));
        return;
      }
      if (req.url === "/metrics") {
        res.end(await metrics.metrics());
        return;
      }
      res.end(`${process.pid} ${process.env.WEB_CONCURRENCY}`);
    })
    .listen(port);
  process.on("SIGTERM", () => process.exit(0));
}
