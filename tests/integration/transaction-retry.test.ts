// Under load a transaction may wait too long for a connection (P2028, « Une erreur inattendue »
// before, issue 11): the app's client tries it once more; other errors are not retried.
import { afterAll, describe, expect, it } from "vitest";
import { resetEnvCacheForTests } from "@/lib/env";
import { isTransactionTimeout, retryOnTransactionTimeout } from "@/lib/prisma-client";

const saved = { ...process.env };

afterAll(async () => {
  const appDb = (globalThis as { __crmDb?: { $disconnect(): Promise<void> } }).__crmDb;
  (globalThis as { __crmDb?: unknown }).__crmDb = undefined;
  await appDb?.$disconnect();
  process.env.DATABASE_POOL_SIZE = saved.DATABASE_POOL_SIZE;
  process.env.DATABASE_TRANSACTION_WAIT_MS = saved.DATABASE_TRANSACTION_WAIT_MS;
  if (saved.DATABASE_POOL_SIZE === undefined) delete process.env.DATABASE_POOL_SIZE;
  if (saved.DATABASE_TRANSACTION_WAIT_MS === undefined) delete process.env.DATABASE_TRANSACTION_WAIT_MS;
  resetEnvCacheForTests();
});

describe("retry on P2028", () => {
  it("retries a P2028 once, and nothing else", async () => {
    let calls = 0;
    const timeout = Object.assign(new Error("Transaction API error: Unable to start a transaction in the given time."), { code: "P2028" });
    expect(isTransactionTimeout(timeout)).toBe(true);
    await expect(
      retryOnTransactionTimeout(async () => {
        calls += 1;
        if (calls === 1) throw timeout;
        return "écrit";
      }),
    ).resolves.toBe("écrit");
    expect(calls).toBe(2);

    calls = 0;
    await expect(
      retryOnTransactionTimeout(async () => {
        calls += 1;
        throw timeout;
      }),
    ).rejects.toBe(timeout);
    expect(calls).toBe(2);

    calls = 0;
    await expect(
      retryOnTransactionTimeout(async () => {
        calls += 1;
        throw Object.assign(new Error("unique"), { code: "P2002" });
      }),
    ).rejects.toThrow("unique");
    expect(calls).toBe(1);
  });

  it("a write that waited too long for the only connection succeeds on its second try", async () => {
    process.env.DATABASE_POOL_SIZE = "1";
    process.env.DATABASE_TRANSACTION_WAIT_MS = "400";
    resetEnvCacheForTests();
    (globalThis as { __crmDb?: unknown }).__crmDb = undefined;
    const { db } = await import("@/lib/db");

    // Holds the pool's only connection for 600 ms.
    const holder = db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM pg_sleep(0.6)`;
    }, { timeout: 5000 });
    await new Promise((resolve) => setTimeout(resolve, 30));
    const started = Date.now();
    const result = await db.$transaction(async (tx) => tx.$queryRaw<{ ok: number }[]>`SELECT 1 AS ok`);
    await holder;
    expect(result).toEqual([{ ok: 1 }]);
    // The first try gave up after the 400 ms wait; the second got the connection.
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
  });
});
