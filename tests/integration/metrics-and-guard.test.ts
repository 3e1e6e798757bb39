// /api/metrics (Prometheus, behind METRICS_TOKEN) and the custom server's observability helpers:
// route patterns without ids or tokens, and the database guard that turns pages into a French
// 503 while PostgreSQL does not answer.
import net from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as metrics } from "@/app/api/metrics/route";
import { resetEnvCacheForTests } from "@/lib/env";
import { enqueueEmail } from "@/lib/mail/outbox";
import { getTestDatabaseUrl, getTestDb } from "@/tests/setup/db";
import {
  blockedWhileDown,
  createDatabaseGuard,
  createHttpMetrics,
  routePattern,
  UNAVAILABLE_HTML,
} from "@/scripts/serve-observability.mjs";

const db = getTestDb();
const TOKEN = "jeton-de-supervision-0123456789";
let silent: net.Server;
let silentPort = 0;
const sockets = new Set<net.Socket>();

beforeAll(async () => {
  silent = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  silentPort = (silent.address() as net.AddressInfo).port;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
});

afterEach(() => {
  delete process.env.METRICS_TOKEN;
  resetEnvCacheForTests();
});

describe("GET /api/metrics", () => {
  it("does not exist without METRICS_TOKEN", async () => {
    expect((await metrics(new Request("http://localhost/api/metrics"))).status).toBe(404);
  });

  it("refuses a missing or wrong token, serves Prometheus text with the right one", async () => {
    process.env.METRICS_TOKEN = TOKEN;
    resetEnvCacheForTests();
    expect((await metrics(new Request("http://localhost/api/metrics"))).status).toBe(401);
    expect((await metrics(new Request("http://localhost/api/metrics", { headers: { authorization: "Bearer faux" } }))).status).toBe(401);

    const { duration } = createHttpMetrics();
    duration.observe({ method: "GET", route: "/prospects/:id", status: "200" }, 0.12);
    await db.$transaction((tx) =>
      enqueueEmail(tx, { dedupeKey: "metrics:1", to: ["personne@exemple.test"], subject: "Sujet privé", html: "<p>x</p>", text: "x" }),
    );
    const response = await metrics(new Request("http://localhost/api/metrics", { headers: { authorization: `Bearer ${TOKEN}` } }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const body = await response.text();
    expect(body).toContain('crm_http_request_duration_seconds_bucket{le="0.25",method="GET",route="/prospects/:id",status="200"} 1');
    expect(body).toMatch(/^crm_outbox_backlog 1$/m);
    expect(body).toMatch(/^crm_outbox_emails\{status="PENDING"\} 1$/m);
    expect(body).toMatch(/^crm_reminder_lag_seconds \d/m);
    expect(body).toMatch(/^crm_db_pool_connections\{state="in_use"\} \d+$/m);
    expect(body).toMatch(/^crm_db_pool_waiting \d+$/m);
    expect(body).not.toContain("personne@exemple.test");
    expect(body).not.toContain("Sujet privé");
  });
});

describe("request logs and the database guard", () => {
  it("logs route patterns, never ids, tokens or query strings", () => {
    expect(routePattern("/prospects/cm3x9k2p10000abcdefghijkl/actions?q=dupont")).toBe("/prospects/:id/actions");
    expect(routePattern("/onboarding/Zk3vQ9x_Lm2-Pt8sWq4rYb7nHc1dJe5fGa6hKi0oUuA")).toBe("/onboarding/:token");
    expect(routePattern("/api/calendar/feed/secret-token-value")).toBe("/api/calendar/feed/:token");
    expect(routePattern("/api/v1/invoices/42")).toBe("/api/v1/invoices/:id");
    expect(routePattern("/_next/static/chunks/app.js")).toBe("/_next/*");
  });

  it("marks the database down after two failed probes, and up again after one success", async () => {
    const logs: string[] = [];
    const hung = createDatabaseGuard({ databaseUrl: `postgresql://u:p@127.0.0.1:${silentPort}/x`, intervalMs: 60_000, timeoutMs: 300, log: (m: string) => logs.push(m) });
    await hung.probe();
    expect(hung.isDown()).toBe(false);
    await hung.probe();
    expect(hung.isDown()).toBe(true);
    expect(logs[0]).toMatch(/^Base de données injoignable/);
    hung.stop();

    const healthy = createDatabaseGuard({ databaseUrl: getTestDatabaseUrl(), intervalMs: 60_000 });
    await healthy.probe();
    expect(healthy.isDown()).toBe(false);
    healthy.stop();
  });

  it("answers pages and API calls with the French 503 while down, not the liveness probe or assets", () => {
    expect(blockedWhileDown("/prospects")).toBe(true);
    expect(blockedWhileDown("/api/v1/invoices")).toBe(true);
    expect(blockedWhileDown("/api/health/live")).toBe(false);
    expect(blockedWhileDown("/_next/static/chunks/a.js")).toBe(false);
    expect(UNAVAILABLE_HTML).toContain("Service momentanément indisponible");
    expect(UNAVAILABLE_HTML).toContain('lang="fr"');
  });
});
