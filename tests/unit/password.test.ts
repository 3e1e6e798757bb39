import { describe, expect, it } from "vitest";
import { hashPassword, needsRehash, verifyDummyPassword, verifyPassword } from "@/lib/auth/password";

describe("password hashing", () => {
  it("hashes with argon2id and a random salt", async () => {
    const first = await hashPassword("Motdepasse-2026!");
    const second = await hashPassword("Motdepasse-2026!");
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain("Motdepasse");
  });

  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("Motdepasse-2026!");
    expect(await verifyPassword(hash, "Motdepasse-2026!")).toBe(true);
    expect(await verifyPassword(hash, "motdepasse-2026!")).toBe(false);
    expect(await verifyPassword(hash, "")).toBe(false);
  });

  it("handles non-ASCII passwords", async () => {
    const hash = await hashPassword("Été-à-Noël 🎄");
    expect(await verifyPassword(hash, "Été-à-Noël 🎄")).toBe(true);
    expect(await verifyPassword(hash, "Ete-a-Noel 🎄")).toBe(false);
  });

  it.each([
    ["empty", ""],
    ["garbage", "not-a-hash"],
    ["bcrypt", "$2b$10$abcdefghijklmnopqrstuuK2S1Q5fK6xTg8nG9u5zXgY3Zt2j1e7W"],
    ["truncated argon2", "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA"],
  ])("returns false, without throwing, for a %s hash", async (_label, hash) => {
    await expect(verifyPassword(hash, "whatever")).resolves.toBe(false);
  });

  it("flags hashes made with other parameters for rehashing", async () => {
    expect(needsRehash(await hashPassword("x"))).toBe(false);
    expect(needsRehash("$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHRzYWx0$8Yhb7JcXgPzN1xHZHcM2h9Ai0WH3i3xJ6qGqI0cR2vQ")).toBe(true);
    expect(needsRehash("garbage")).toBe(true);
  });

  it("spends about the time of a real verification on the dummy path", async () => {
    const hash = await hashPassword("Motdepasse-2026!");
    await verifyDummyPassword("warm-up"); // the first call also builds the dummy hash
    // Interleaved, so a burst of load on the machine hits both sides alike.
    let real = 0;
    let dummy = 0;
    for (let i = 0; i < 6; i++) {
      let start = performance.now();
      await verifyPassword(hash, "wrong password");
      real += performance.now() - start;
      start = performance.now();
      await verifyDummyPassword("wrong password");
      dummy += performance.now() - start;
    }
    expect(await verifyDummyPassword("Motdepasse-2026!")).toBe(false);
    // Same algorithm and parameters: within a factor that scheduling noise cannot explain away.
    expect(dummy).toBeGreaterThan(real / 3);
    expect(dummy).toBeLessThan(real * 3);
  });
});
