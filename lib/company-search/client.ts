import "server-only";
import { getEnv } from "@/lib/env";
import { mapSearchResponse } from "@/lib/company-search/map-response";
import { companySearchCacheKey, normalizeCompanyQuery } from "@/lib/company-search/query";
import { createSpacingLimiter, LimiterBusyError } from "@/lib/company-search/rate-limiter";
import { createTtlCache } from "@/lib/company-search/ttl-cache";
import type { CompanySearchQuery, CompanySearchResult } from "@/lib/company-search/types";

// Server-side client of API Recherche d'entreprises (GET /search). It identifies itself,
// gives up after a few seconds, stays under the registry's 7 requests per second for the
// whole process, waits once when told to by a 429's Retry-After, and keeps answers 10 minutes.

export type CompanyRegistryErrorKind = "unavailable" | "busy" | "rejected";

export const COMPANY_REGISTRY_MESSAGES: Record<CompanyRegistryErrorKind, string> = {
  unavailable:
    "Le registre des entreprises est injoignable pour le moment. Remplissez les champs à la main, ou réessayez dans quelques minutes.",
  busy: "Le registre des entreprises est très sollicité. Réessayez dans quelques secondes, ou remplissez les champs à la main.",
  rejected: "Le registre des entreprises n'a pas compris cette recherche : reformulez-la.",
};

export class CompanyRegistryError extends Error {
  readonly kind: CompanyRegistryErrorKind;
  // For "busy": when the registry (or our own limiter) says to come back.
  readonly retryAfterSeconds: number | null;

  constructor(kind: CompanyRegistryErrorKind, detail?: string, retryAfterSeconds: number | null = null) {
    super(COMPANY_REGISTRY_MESSAGES[kind]);
    this.name = "CompanyRegistryError";
    this.kind = kind;
    this.retryAfterSeconds = retryAfterSeconds;
    if (detail) this.cause = detail;
  }
}

export type CompanySearchClientOptions = {
  baseUrl: string;
  timeoutMs: number;
  userAgent?: string;
  requestsPerSecond?: number;
  cacheTtlMs?: number;
  cacheMaxEntries?: number;
  // A 429 asking to wait longer than this is reported as "busy" instead of waited out.
  maxRetryAfterMs?: number;
  // How long a request may queue behind others for a rate-limit slot.
  maxQueueWaitMs?: number;
  fetch?: typeof fetch;
};

export type CompanySearchClient = {
  search(query: CompanySearchQuery): Promise<CompanySearchResult>;
  clearCache(): void;
};

export const COMPANY_SEARCH_USER_AGENT = "CRM-Partenaires/1.0";
// Under the registry's 7 per second, with a margin.
const DEFAULT_REQUESTS_PER_SECOND = 6;

// Retry-After is either seconds or an HTTP date; absent or unreadable means one second.
export function parseRetryAfter(header: string | null, now = Date.now()): number {
  if (header) {
    const trimmed = header.trim();
    if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
    const date = Date.parse(trimmed);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  return 1000;
}

type Attempt = { kind: "ok"; body: unknown } | { kind: "retry"; afterMs: number };

export function createCompanySearchClient(options: CompanySearchClientOptions): CompanySearchClient {
  const doFetch = options.fetch ?? fetch;
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const userAgent = options.userAgent ?? COMPANY_SEARCH_USER_AGENT;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 2000;
  const maxQueueWaitMs = options.maxQueueWaitMs ?? 2000;
  // One below the registry's 7/s: network jitter can bunch requests on the way, and an eighth
  // in the same second would earn a 429.
  const limiter = createSpacingLimiter(options.requestsPerSecond ?? DEFAULT_REQUESTS_PER_SECOND);
  const cache = createTtlCache<CompanySearchResult>({
    maxEntries: options.cacheMaxEntries ?? 500,
    ttlMs: options.cacheTtlMs ?? 10 * 60 * 1000,
  });
  // Two users (or two keystrokes) asking the same thing at once share one registry call.
  const inFlight = new Map<string, Promise<CompanySearchResult>>();

  async function attempt(query: CompanySearchQuery): Promise<Attempt> {
    try {
      await limiter.acquire(maxQueueWaitMs);
    } catch (error) {
      if (error instanceof LimiterBusyError) {
        throw new CompanyRegistryError("busy", error.message, Math.ceil(error.waitMs / 1000));
      }
      throw error;
    }

    const url = new URL(`${baseUrl}/search`);
    url.searchParams.set("q", normalizeCompanyQuery(query.q));
    url.searchParams.set("page", String(query.page));
    url.searchParams.set("per_page", String(query.perPage));

    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs);
    try {
      const response = await doFetch(url, {
        headers: { "User-Agent": userAgent, Accept: "application/json" },
        signal: controller.signal,
        cache: "no-store",
      });
      if (response.status === 429) {
        const afterMs = parseRetryAfter(response.headers.get("retry-after"));
        limiter.pauseUntil(Date.now() + afterMs);
        await response.body?.cancel();
        return { kind: "retry", afterMs };
      }
      if (response.status === 400) {
        const detail = await response.text().catch(() => "");
        throw new CompanyRegistryError("rejected", `HTTP 400 ${detail.slice(0, 200)}`);
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new CompanyRegistryError("unavailable", `HTTP ${response.status}`);
      }
      // The body is read under the same timeout: a registry that stalls mid-answer is down too.
      const body: unknown = await response.json();
      return { kind: "ok", body };
    } catch (error) {
      if (error instanceof CompanyRegistryError) throw error;
      const detail = controller.signal.aborted ? `timeout after ${options.timeoutMs} ms` : String(error);
      throw new CompanyRegistryError("unavailable", detail);
    } finally {
      clearTimeout(timer);
    }
  }

  async function fetchResult(query: CompanySearchQuery): Promise<CompanySearchResult> {
    let outcome = await attempt(query);
    if (outcome.kind === "retry") {
      const waitMs = outcome.afterMs;
      if (waitMs > maxRetryAfterMs) throw new CompanyRegistryError("busy", "HTTP 429", Math.ceil(waitMs / 1000));
      await new Promise((resolve) => setTimeout(resolve, waitMs));
      outcome = await attempt(query);
      if (outcome.kind === "retry") {
        throw new CompanyRegistryError("busy", "HTTP 429 twice", Math.ceil(outcome.afterMs / 1000));
      }
    }
    return mapSearchResponse(outcome.body, { page: query.page, perPage: query.perPage });
  }

  return {
    async search(query) {
      const key = companySearchCacheKey(query);
      const cached = cache.get(key);
      if (cached) return cached;
      const pending = inFlight.get(key);
      if (pending) return pending;

      const promise = fetchResult(query)
        .then((result) => {
          cache.set(key, result);
          return result;
        })
        .finally(() => inFlight.delete(key));
      inFlight.set(key, promise);
      return promise;
    },
    clearCache() {
      cache.clear();
    },
  };
}

const globalForRegistry = globalThis as unknown as { __crmCompanySearch?: { baseUrl: string; client: CompanySearchClient } };

// One client per process, so the rate limit and the cache are shared by every request (and
// survive dev hot reloads). Rebuilt if the configured registry changes (tests).
export function getCompanySearchClient(): CompanySearchClient {
  const env = getEnv();
  const current = globalForRegistry.__crmCompanySearch;
  if (current && current.baseUrl === env.COMPANY_SEARCH_URL) return current.client;
  const client = createCompanySearchClient({
    baseUrl: env.COMPANY_SEARCH_URL,
    timeoutMs: env.COMPANY_SEARCH_TIMEOUT_MS,
    // The web server's copies (WEB_CONCURRENCY) call from the same address: they share the budget.
    requestsPerSecond: DEFAULT_REQUESTS_PER_SECOND / env.WEB_CONCURRENCY,
  });
  globalForRegistry.__crmCompanySearch = { baseUrl: env.COMPANY_SEARCH_URL, client };
  return client;
}

export function searchCompanies(query: CompanySearchQuery): Promise<CompanySearchResult> {
  return getCompanySearchClient().search(query);
}
