// A local stand-in for API Recherche d'entreprises: GET /search answers in the real JSON shape
// from tests/support/registry-fixtures.ts, and can be told to fail (HTTP error, 429 with
// Retry-After, or never answer) to test the client and the wizard's manual path.
//
// In tests: `const registry = await startFakeRegistry()` then point COMPANY_SEARCH_URL at
// registry.url. Standalone (e2e, manual checks): `npx tsx tests/support/fake-registry.ts --port 4010`,
// then steer it over HTTP: POST /__control {"mode":{"kind":"error","status":500}}, POST /__reset,
// GET /__requests.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { pathToFileURL } from "node:url";
import { REGISTRY_COMPANIES, type RegistryCompanyJson } from "./registry-fixtures";

export type FakeRegistryMode =
  | { kind: "normal" }
  | { kind: "error"; status: number }
  // Answers 429 with this Retry-After header `times` times (every time when omitted).
  | { kind: "rate-limit"; retryAfter: string; times?: number }
  // Accepts the request and never answers.
  | { kind: "hang" };

export type FakeRegistryRequest = {
  at: number;
  path: string;
  query: Record<string, string>;
  userAgent: string | null;
  status: number | null;
};

export type FakeRegistry = {
  url: string;
  port: number;
  requests: FakeRegistryRequest[];
  setMode(mode: FakeRegistryMode): void;
  // Delay before every answer, in ms.
  setDelay(ms: number): void;
  reset(): void;
  close(): Promise<void>;
};

const MAX_PER_PAGE = 25;

function fold(value: unknown): string {
  return typeof value === "string"
    ? value
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase()
    : "";
}

function haystack(company: RegistryCompanyJson): string {
  const siege = (company.siege ?? {}) as Record<string, unknown>;
  return [company.nom_complet, company.nom_raison_sociale, company.sigle, siege.adresse, siege.libelle_commune]
    .map(fold)
    .join(" ");
}

// Like the real API: 9 digits is a SIREN, 14 a SIRET (direct lookups); anything else is a
// text search where every word must match.
export function matchCompanies(companies: readonly RegistryCompanyJson[], q: string): RegistryCompanyJson[] {
  const compact = q.replace(/\s/g, "");
  if (/^\d{9}$/.test(compact)) return companies.filter((c) => c.siren === compact);
  if (/^\d{14}$/.test(compact)) {
    return companies.filter((c) => (c.siege as Record<string, unknown> | undefined)?.siret === compact);
  }
  const words = fold(q).split(/[\s'-]+/).filter(Boolean);
  return companies.filter((c) => {
    const text = haystack(c);
    return words.every((w) => text.includes(w));
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startFakeRegistry(
  options: { port?: number; host?: string; companies?: readonly RegistryCompanyJson[] } = {},
): Promise<FakeRegistry> {
  const companies = options.companies ?? REGISTRY_COMPANIES;
  const requests: FakeRegistryRequest[] = [];
  const sockets = new Set<Socket>();
  let mode: FakeRegistryMode = { kind: "normal" };
  let delayMs = 0;
  let rateLimitedCount = 0;

  const answerSearch = (req: IncomingMessage, res: ServerResponse, url: URL, entry: FakeRegistryRequest) => {
    const respond = (status: number, body: unknown, headers?: Record<string, string>) => {
      entry.status = status;
      sendJson(res, status, body, headers);
    };

    if (mode.kind === "hang") return;
    if (mode.kind === "error") {
      respond(mode.status, { erreur: "Erreur interne du serveur." });
      return;
    }
    if (mode.kind === "rate-limit" && (mode.times === undefined || rateLimitedCount < mode.times)) {
      rateLimitedCount += 1;
      respond(429, { erreur: "Trop de requêtes." }, { "Retry-After": mode.retryAfter });
      return;
    }

    const q = url.searchParams.get("q") ?? "";
    const page = Number(url.searchParams.get("page") ?? "1");
    const perPage = Number(url.searchParams.get("per_page") ?? "10");
    if (q.trim().length < 3) {
      respond(400, { erreur: "Veuillez indiquer au moins 3 caractères pour le paramètre q." });
      return;
    }
    if (!Number.isInteger(page) || page < 1) {
      respond(400, { erreur: "Veuillez indiquer un numéro de page entier supérieur à 0." });
      return;
    }
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE) {
      respond(400, { erreur: `Veuillez indiquer un per_page entier entre 1 et ${MAX_PER_PAGE}.` });
      return;
    }

    const matches = matchCompanies(companies, q);
    respond(200, {
      results: matches.slice((page - 1) * perPage, page * perPage),
      total_results: matches.length,
      page,
      per_page: perPage,
      total_pages: Math.ceil(matches.length / perPage),
    });
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://fake-registry.local");

    if (url.pathname === "/__control" && req.method === "POST") {
      void readBody(req).then((text) => {
        try {
          const body = JSON.parse(text || "{}") as { mode?: FakeRegistryMode; delayMs?: number };
          if (body.mode) {
            mode = body.mode;
            rateLimitedCount = 0;
          }
          if (typeof body.delayMs === "number") delayMs = body.delayMs;
          sendJson(res, 200, { mode, delayMs });
        } catch {
          sendJson(res, 400, { erreur: "JSON invalide." });
        }
      });
      return;
    }
    if (url.pathname === "/__reset" && req.method === "POST") {
      mode = { kind: "normal" };
      delayMs = 0;
      rateLimitedCount = 0;
      requests.length = 0;
      sendJson(res, 200, { ok: true });
      return;
    }
    if (url.pathname === "/__requests" && req.method === "GET") {
      sendJson(res, 200, requests);
      return;
    }
    if (url.pathname !== "/search" || req.method !== "GET") {
      sendJson(res, 404, { erreur: "Route inconnue." });
      return;
    }

    const entry: FakeRegistryRequest = {
      at: Date.now(),
      path: url.pathname,
      query: Object.fromEntries(url.searchParams.entries()),
      userAgent: req.headers["user-agent"] ?? null,
      status: null,
    };
    requests.push(entry);
    if (delayMs > 0) setTimeout(() => answerSearch(req, res, url, entry), delayMs);
    else answerSearch(req, res, url, entry);
  });

  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://${host}:${port}`,
    port,
    requests,
    setMode(next) {
      mode = next;
      rateLimitedCount = 0;
    },
    setDelay(ms) {
      delayMs = ms;
    },
    reset() {
      mode = { kind: "normal" };
      delayMs = 0;
      rateLimitedCount = 0;
      requests.length = 0;
    },
    close() {
      // Hanging requests would keep close() waiting forever.
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

function argValue(name: string): string | undefined {
  const args = process.argv.slice(2);
  const index = args.indexOf(name);
  if (index >= 0) return args[index + 1];
  return args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const port = Number(argValue("--port") ?? "4010");
  const host = argValue("--host") ?? "127.0.0.1";
  const registry = await startFakeRegistry({ port, host });
  console.log(`Faux registre des entreprises : ${registry.url}/search?q=…`);
  const stop = () => {
    void registry.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
