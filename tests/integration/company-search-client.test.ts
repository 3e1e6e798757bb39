// The registry client against a local fake registry speaking the real API's JSON: User-Agent,
// direct SIREN/SIRET lookups, caching, timeouts, 429 Retry-After, the 7 requests/second cap, and
// the authenticated route handler the browser calls.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import {
  COMPANY_REGISTRY_MESSAGES,
  COMPANY_SEARCH_USER_AGENT,
  CompanyRegistryError,
  createCompanySearchClient,
  type CompanySearchClientOptions,
} from "@/lib/company-search/client";
import { resetEnvCacheForTests } from "@/lib/env";
import { startFakeRegistry, type FakeRegistry } from "@/tests/support/fake-registry";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));

const { GET } = await import("@/app/api/company-search/route");

const PARTNER: Actor = { id: "u1", email: "p@exemple.test", name: "Paula Partenaire", role: "PARTNER", partnerId: "p1" };

let registry: FakeRegistry;

function client(overrides: Partial<CompanySearchClientOptions> = {}) {
  return createCompanySearchClient({ baseUrl: registry.url, timeoutMs: 1500, ...overrides });
}

function searchRequests() {
  return registry.requests.filter((r) => r.path === "/search");
}

beforeAll(async () => {
  registry = await startFakeRegistry();
});

afterAll(async () => {
  await registry.close();
});

beforeEach(() => {
  registry.reset();
});

describe("company search client", () => {
  it("searches by name, identifies itself and maps the real JSON shape", async () => {
    const result = await client().search({ q: "ateliers  dupré", page: 1, perPage: 10 });
    expect(result.totalResults).toBe(1);
    expect(result.results[0]).toMatchObject({ siren: "812345676", legalForm: "SAS", city: "LYON", nafCode: "25.62B" });
    expect(searchRequests()).toHaveLength(1);
    expect(searchRequests()[0]).toMatchObject({
      userAgent: COMPANY_SEARCH_USER_AGENT,
      query: { q: "ateliers dupré", page: "1", per_page: "10" },
    });
  });

  it("sends a SIREN or SIRET typed with spaces as a direct lookup", async () => {
    const c = client();
    const bySiren = await c.search({ q: "529 876 542", page: 1, perPage: 10 });
    expect(bySiren.results.map((r) => r.siren)).toEqual(["529876542"]);
    const bySiret = await c.search({ q: "529 876 542 00018", page: 1, perPage: 10 });
    expect(bySiret.results.map((r) => r.siret)).toEqual(["52987654200018"]);
    expect(searchRequests().map((r) => r.query.q)).toEqual(["529876542", "52987654200018"]);
  });

  it("pages through results", async () => {
    const c = client();
    const first = await c.search({ q: "boulangerie", page: 1, perPage: 10 });
    const second = await c.search({ q: "boulangerie", page: 2, perPage: 10 });
    expect(first).toMatchObject({ totalResults: 12, totalPages: 2 });
    expect(first.results).toHaveLength(10);
    expect(second.results).toHaveLength(2);
  });

  it("answers a repeated search from its cache, and asks again once the entry expires", async () => {
    const c = client({ cacheTtlMs: 300 });
    await c.search({ q: "transports leroy", page: 1, perPage: 10 });
    await c.search({ q: "Transports  LEROY ", page: 1, perPage: 10 });
    expect(searchRequests()).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 350));
    await c.search({ q: "transports leroy", page: 1, perPage: 10 });
    expect(searchRequests()).toHaveLength(2);
  });

  it("shares one registry call between identical searches made at the same time", async () => {
    registry.setDelay(100);
    const c = client();
    const [a, b] = await Promise.all([
      c.search({ q: "jean moreau", page: 1, perPage: 10 }),
      c.search({ q: "jean moreau", page: 1, perPage: 10 }),
    ]);
    expect(a).toEqual(b);
    expect(searchRequests()).toHaveLength(1);
  });

  it("gives up after the timeout when the registry does not answer", async () => {
    registry.setMode({ kind: "hang" });
    const started = Date.now();
    const failure = await client({ timeoutMs: 400 })
      .search({ q: "dupre", page: 1, perPage: 10 })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(CompanyRegistryError);
    expect((failure as CompanyRegistryError).kind).toBe("unavailable");
    expect((failure as CompanyRegistryError).message).toBe(COMPANY_REGISTRY_MESSAGES.unavailable);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("also times out a registry that answers too slowly", async () => {
    registry.setDelay(800);
    await expect(client({ timeoutMs: 300 }).search({ q: "dupre", page: 1, perPage: 10 })).rejects.toMatchObject({
      kind: "unavailable",
    });
  });

  it("reports a server error or an unreachable registry as unavailable, and does not cache failures", async () => {
    registry.setMode({ kind: "error", status: 502 });
    const c = client();
    await expect(c.search({ q: "dupre", page: 1, perPage: 10 })).rejects.toMatchObject({ kind: "unavailable" });
    registry.setMode({ kind: "normal" });
    await expect(c.search({ q: "dupre", page: 1, perPage: 10 })).resolves.toMatchObject({ totalResults: 1 });

    const closed = await startFakeRegistry();
    const url = closed.url;
    await closed.close();
    await expect(
      createCompanySearchClient({ baseUrl: url, timeoutMs: 1000 }).search({ q: "dupre", page: 1, perPage: 10 }),
    ).rejects.toMatchObject({ kind: "unavailable" });
  });

  it("waits for a short Retry-After on 429, then retries once", async () => {
    registry.setMode({ kind: "rate-limit", retryAfter: "1", times: 1 });
    const started = Date.now();
    const result = await client().search({ q: "dupre", page: 1, perPage: 10 });
    expect(result.totalResults).toBe(1);
    const calls = searchRequests();
    expect(calls.map((r) => r.status)).toEqual([429, 200]);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(950);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it("does not wait out a long Retry-After: the registry is reported busy", async () => {
    registry.setMode({ kind: "rate-limit", retryAfter: "30" });
    const started = Date.now();
    const failure = await client()
      .search({ q: "dupre", page: 1, perPage: 10 })
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({ kind: "busy", retryAfterSeconds: 30, message: COMPANY_REGISTRY_MESSAGES.busy });
    expect(searchRequests()).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("gives up when the registry still answers 429 after the retry", async () => {
    registry.setMode({ kind: "rate-limit", retryAfter: "0" });
    await expect(client().search({ q: "dupre", page: 1, perPage: 10 })).rejects.toMatchObject({ kind: "busy" });
    expect(searchRequests()).toHaveLength(2);
  });

  it("never sends more than 7 requests in any one-second window", async () => {
    const sentAt: number[] = [];
    const c = client({
      maxQueueWaitMs: 10_000,
      fetch: (input, init) => {
        sentAt.push(Date.now());
        return fetch(input, init);
      },
    });
    await Promise.all(Array.from({ length: 16 }, (_, i) => c.search({ q: `boulangerie ${i}`, page: 1, perPage: 10 })));
    expect(sentAt).toHaveLength(16);
    // Spaced for 6 per second, one below the limit: timers firing late and network jitter can
    // bunch requests by a few ms without an eighth ever landing in the same second, whether
    // counted when sent or when received.
    for (let i = 7; i < sentAt.length; i++) expect(sentAt[i]! - sentAt[i - 7]!).toBeGreaterThanOrEqual(1000);
    const spanOfSeven = sentAt[15]! - sentAt[8]!;
    expect(spanOfSeven).toBeGreaterThanOrEqual(1100);
    const arrivals = searchRequests()
      .map((r) => r.at)
      .sort((a, b) => a - b);
    expect(arrivals).toHaveLength(16);
    for (let i = 7; i < arrivals.length; i++) expect(arrivals[i]! - arrivals[i - 7]!).toBeGreaterThanOrEqual(1000);
  });

  it("reports busy instead of queueing a request for too long", async () => {
    const c = client({ maxQueueWaitMs: 300 });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => c.search({ q: `boulangerie ${i}`, page: 1, perPage: 10 })),
    );
    const rejected = outcomes.filter((o) => o.status === "rejected");
    expect(outcomes.filter((o) => o.status === "fulfilled").length).toBeGreaterThanOrEqual(2);
    expect(rejected.length).toBeGreaterThan(0);
    for (const r of rejected) expect((r as PromiseRejectedResult).reason).toMatchObject({ kind: "busy" });
  });

  it("reports a query the registry refuses as rejected", async () => {
    await expect(client().search({ q: "ab", page: 1, perPage: 10 })).rejects.toMatchObject({ kind: "rejected" });
  });
});

describe("GET /api/company-search", () => {
  const call = (query: string) => GET(new Request(`http://localhost/api/company-search?${query}`));

  beforeAll(() => {
    process.env.COMPANY_SEARCH_URL = registry.url;
    process.env.COMPANY_SEARCH_TIMEOUT_MS = "500";
    resetEnvCacheForTests();
  });

  beforeEach(() => {
    session.actor = PARTNER;
  });

  it("needs a signed-in user", async () => {
    session.actor = null;
    const response = await call("q=dupre");
    expect(response.status).toBe(401);
  });

  it("answers the mapped results", async () => {
    const response = await call("q=812%20345%20676");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("no-store");
    const body = await response.json();
    expect(body.results[0]).toMatchObject({ siren: "812345676", vatNumber: "FR19812345676", revenueCents: 281_234_500 });
  });

  it("answers 400 with a French message on bad parameters", async () => {
    for (const query of ["", "q=a", "q=dupre&page=0", "q=dupre&page=abc", "q=dupre&perPage=100"]) {
      const response = await call(query);
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(typeof body.error).toBe("string");
      expect(body.error.length).toBeGreaterThan(0);
    }
    const short = await (await call("q=ab")).json();
    expect(short.error).toBe("Saisissez au moins 3 caractères.");
  });

  it("answers 503 with a French message when the registry cannot be reached", async () => {
    registry.setMode({ kind: "hang" });
    const response = await call("q=menuiserie%20bernard");
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body.error).toMatch(/^Le registre des entreprises est injoignable/);
  });
});
