// Keeps calls to an external service under N per second for the whole process: each call
// reserves the next free slot, slots are 1000/N ms apart, so no one-second window ever holds
// more than N calls, however many users search at once.

export type SpacingLimiter = {
  // Waits for a slot. Rejects with LimiterBusyError when the wait would exceed maxWaitMs.
  acquire(maxWaitMs: number): Promise<void>;
  // After a 429: nobody calls before `until` (epoch ms).
  pauseUntil(until: number): void;
};

export class LimiterBusyError extends Error {
  readonly waitMs: number;
  constructor(waitMs: number) {
    super(`Rate limit: next slot in ${waitMs} ms`);
    this.name = "LimiterBusyError";
    this.waitMs = waitMs;
  }
}

export function createSpacingLimiter(
  perSecond: number,
  deps: { now?: () => number; sleep?: (ms: number) => Promise<void> } = {},
): SpacingLimiter {
  const now = deps.now ?? (() => Date.now());
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  // Rounded up, so 7/s is 143 ms apart: 7 calls span 858 ms, an 8th would land after 1 s.
  const intervalMs = Math.ceil(1000 / perSecond);
  let nextFree = 0;

  return {
    async acquire(maxWaitMs) {
      const current = now();
      const slot = Math.max(current, nextFree);
      const wait = slot - current;
      if (wait > maxWaitMs) throw new LimiterBusyError(wait);
      nextFree = slot + intervalMs;
      if (wait > 0) await sleep(wait);
    },
    pauseUntil(until) {
      nextFree = Math.max(nextFree, until);
    },
  };
}
