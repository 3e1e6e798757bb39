// The registry client's building blocks, on a fake clock: request spacing and the TTL cache.
import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "@/lib/company-search/client";
import { createSpacingLimiter, LimiterBusyError } from "@/lib/company-search/rate-limiter";
import { createTtlCache } from "@/lib/company-search/ttl-cache";

function fakeClock() {
  let time = 1_000_000;
  return {
    now: () => time,
    sleep: async (ms: number) => {
      time += ms;
    },
    advance: (ms: number) => {
      time += ms;
    },
  };
}

describe("createSpacingLimiter", () => {
  it("never lets more than 7 calls into any one-second window", async () => {
    const clock = fakeClock();
    const limiter = createSpacingLimiter(7, clock);
    const starts: number[] = [];
    for (let i = 0; i < 20; i++) {
      await limiter.acquire(10_000);
      starts.push(clock.now());
    }
    for (let i = 7; i < starts.length; i++) {
      expect(starts[i]! - starts[i - 7]!).toBeGreaterThanOrEqual(1000);
    }
  });

  it("refuses to queue longer than allowed and keeps the slot free", async () => {
    const clock = { now: () => 0, sleep: async () => {} };
    const limiter = createSpacingLimiter(7, clock);
    for (let i = 0; i < 14; i++) await limiter.acquire(2000);
    // 14 slots reserved: the next is 2002 ms away.
    await expect(limiter.acquire(2000)).rejects.toBeInstanceOf(LimiterBusyError);
    await expect(limiter.acquire(2002)).resolves.toBeUndefined();
  });

  it("pauses everybody after a 429", async () => {
    const clock = fakeClock();
    const limiter = createSpacingLimiter(7, clock);
    const start = clock.now();
    limiter.pauseUntil(start + 3000);
    await limiter.acquire(5000);
    expect(clock.now()).toBe(start + 3000);
  });
});

describe("createTtlCache", () => {
  it("expires entries after the TTL", () => {
    const clock = fakeClock();
    const cache = createTtlCache<string>({ maxEntries: 10, ttlMs: 600_000, now: clock.now });
    cache.set("a", "A");
    clock.advance(599_999);
    expect(cache.get("a")).toBe("A");
    clock.advance(1);
    expect(cache.get("a")).toBeUndefined();
  });

  it("evicts the least recently used entry when full", () => {
    const cache = createTtlCache<number>({ maxEntries: 2, ttlMs: 60_000 });
    cache.set("a", 1);
    cache.set("b", 2);
    cache.get("a");
    cache.set("c", 3);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe(1);
    expect(cache.get("c")).toBe(3);
    expect(cache.size).toBe(2);
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds, HTTP dates, and defaults to one second", () => {
    expect(parseRetryAfter("2")).toBe(2000);
    expect(parseRetryAfter("0.5")).toBe(500);
    const now = Date.parse("2026-11-22T10:00:00Z");
    expect(parseRetryAfter("Sun, 22 Nov 2026 10:00:05 GMT", now)).toBe(5000);
    expect(parseRetryAfter(null)).toBe(1000);
    expect(parseRetryAfter("bientôt")).toBe(1000);
  });
});
