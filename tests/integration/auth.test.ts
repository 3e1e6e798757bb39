import { hash as argon2Hash } from "@node-rs/argon2";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { authorizeCredentials } from "@/lib/auth/authorize";
import { getAuthOptions } from "@/lib/auth/options";
import { needsRehash, verifyPassword } from "@/lib/auth/password";
import { createSession, loadSessionActor } from "@/lib/auth/server-session";
import { INVALID_CREDENTIALS_MESSAGE, signInErrorMessage, THROTTLED_ERROR_CODE, THROTTLED_MESSAGE } from "@/lib/auth/schemas";
import {
  accountThrottleKey,
  ipThrottleKey,
  pruneThrottle,
  recordFailedSignIn,
  throttlePolicyFromEnv,
  type ThrottlePolicy,
} from "@/lib/auth/throttle";
import { createPartner, createUser, DEFAULT_TEST_PASSWORD } from "@/tests/factories";
import { getTestDb, resetDatabase } from "@/tests/setup/db";

const db = getTestDb();
const policy: ThrottlePolicy = { freeAttempts: 3, windowSeconds: 900, maxBlockSeconds: 300, baseDelaySeconds: 10 };
const options = { policy };

function signIn(email: string, password: string, ip: string | null = "198.51.100.10") {
  return authorizeCredentials({ email, password, ip }, db, options);
}

async function throttleRow(key: string) {
  return db.authThrottle.findUnique({ where: { key } });
}

// Moves a counter's clock back instead of sleeping through a block or a window.
async function ageThrottle(key: string, change: { blockSeconds?: number; windowSeconds?: number }) {
  if (change.blockSeconds !== undefined) {
    await db.$executeRaw`UPDATE "AuthThrottle" SET "blockedUntil" = "blockedUntil" - make_interval(secs => ${change.blockSeconds}::float8) WHERE "key" = ${key}`;
  }
  if (change.windowSeconds !== undefined) {
    await db.$executeRaw`UPDATE "AuthThrottle" SET "windowStart" = "windowStart" - make_interval(secs => ${change.windowSeconds}::float8) WHERE "key" = ${key}`;
  }
}

async function blockSeconds(key: string): Promise<number | null> {
  const rows = await db.$queryRaw<Array<{ seconds: number | null }>>`
    SELECT EXTRACT(EPOCH FROM ("blockedUntil" - now()))::float8 AS seconds FROM "AuthThrottle" WHERE "key" = ${key}`;
  return rows[0]?.seconds ?? null;
}

beforeEach(async () => {
  await resetDatabase();
});

afterAll(async () => {
  await resetDatabase();
});

describe("sign-in", () => {
  it("accepts the right password, whatever the e-mail's case and spacing, and records the login", async () => {
    const user = await createUser(db, { role: "SALES", email: "camille.martin@exemple.test", name: "Camille Martin" });
    const before = new Date();
    const result = await signIn("  Camille.MARTIN@exemple.test ", DEFAULT_TEST_PASSWORD);
    expect(result).toEqual({
      status: "ok",
      actor: { id: user.id, email: "camille.martin@exemple.test", name: "Camille Martin", role: "SALES", partnerId: null },
    });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { lastLoginAt: true } });
    expect(after.lastLoginAt?.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
  });

  it("returns a partner user's organisation", async () => {
    const partner = await createPartner(db);
    const user = await createUser(db, { role: "PARTNER", partnerId: partner.id });
    const result = await signIn(user.email, DEFAULT_TEST_PASSWORD);
    expect(result).toMatchObject({ status: "ok", actor: { role: "PARTNER", partnerId: partner.id } });
  });

  it("answers a wrong password and an unknown e-mail identically", async () => {
    const user = await createUser(db, { role: "SALES" });
    const wrongPassword = await signIn(user.email, "pas-le-bon-mot-de-passe");
    const unknownEmail = await signIn("personne@exemple.test", DEFAULT_TEST_PASSWORD);
    expect(wrongPassword).toEqual({ status: "invalid" });
    expect(unknownEmail).toEqual(wrongPassword);
    // The provider turns both into next-auth's CredentialsSignin, shown as one message.
    expect(signInErrorMessage("CredentialsSignin")).toBe(INVALID_CREDENTIALS_MESSAGE);
    expect(INVALID_CREDENTIALS_MESSAGE).toBe("E-mail ou mot de passe incorrect.");
    const untouched = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { lastLoginAt: true } });
    expect(untouched.lastLoginAt).toBeNull();
  });

  it("refuses an inactive user even with the right password", async () => {
    const user = await createUser(db, { role: "ADMIN", active: false });
    expect(await signIn(user.email, DEFAULT_TEST_PASSWORD)).toEqual({ status: "invalid" });
  });

  it("refuses the users of a deactivated partner organisation", async () => {
    const partner = await createPartner(db, { active: false });
    const user = await createUser(db, { role: "PARTNER", partnerId: partner.id });
    expect(await signIn(user.email, DEFAULT_TEST_PASSWORD)).toEqual({ status: "invalid" });
  });

  it("refuses malformed input without throwing", async () => {
    await createUser(db, { role: "SALES", email: "a@exemple.test" });
    for (const [email, password] of [
      ["", DEFAULT_TEST_PASSWORD],
      ["a@exemple.test", ""],
      ["pas-un-email", DEFAULT_TEST_PASSWORD],
      [undefined, undefined],
      [42, ["x"]],
      ["a@exemple.test", "x".repeat(10_000)],
    ] as const) {
      expect(await authorizeCredentials({ email, password, ip: null }, db, options)).toEqual({ status: "invalid" });
    }
  });

  it("treats a corrupt stored hash as a wrong password", async () => {
    const user = await createUser(db, { role: "SALES", passwordHash: "corrupt" });
    expect(await signIn(user.email, DEFAULT_TEST_PASSWORD)).toEqual({ status: "invalid" });
  });

  it("upgrades a hash made with older parameters at the next sign-in", async () => {
    const oldHash = await argon2Hash(DEFAULT_TEST_PASSWORD, { memoryCost: 4096, timeCost: 3 });
    const user = await createUser(db, { role: "SALES", passwordHash: oldHash });
    expect((await signIn(user.email, DEFAULT_TEST_PASSWORD)).status).toBe("ok");
    const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(passwordHash).not.toBe(oldHash);
    expect(needsRehash(passwordHash)).toBe(false);
    expect(await verifyPassword(passwordHash, DEFAULT_TEST_PASSWORD)).toBe(true);
  });
});

describe("sign-in throttling per account", () => {
  it("blocks the account after the free failures, even with the right password, from any address", async () => {
    const user = await createUser(db, { role: "SALES" });
    for (let i = 0; i < policy.freeAttempts; i++) {
      expect(await signIn(user.email, "mauvais", `203.0.113.${i + 1}`)).toEqual({ status: "invalid" });
    }
    const blocked = await signIn(user.email, DEFAULT_TEST_PASSWORD, "203.0.113.99");
    expect(blocked.status).toBe("throttled");
    if (blocked.status === "throttled") {
      expect(blocked.retryAfterSeconds).toBeGreaterThan(0);
      expect(blocked.retryAfterSeconds).toBeLessThanOrEqual(policy.baseDelaySeconds);
    }
    // The e-mail's case does not open a second counter.
    expect((await signIn(user.email.toUpperCase(), DEFAULT_TEST_PASSWORD, "203.0.113.98")).status).toBe("throttled");
    expect(await throttleRow(accountThrottleKey(user.email))).toMatchObject({ failures: policy.freeAttempts });
  });

  it("lets the real user in once the block has passed, and a success resets the account", async () => {
    const user = await createUser(db, { role: "SALES" });
    const key = accountThrottleKey(user.email);
    for (let i = 0; i < policy.freeAttempts; i++) await signIn(user.email, "mauvais", null);
    expect((await signIn(user.email, DEFAULT_TEST_PASSWORD, null)).status).toBe("throttled");

    await ageThrottle(key, { blockSeconds: policy.maxBlockSeconds + 1 });
    expect((await signIn(user.email, DEFAULT_TEST_PASSWORD, null)).status).toBe("ok");
    expect(await throttleRow(key)).toBeNull();

    // Fresh free attempts after the reset.
    for (let i = 0; i < policy.freeAttempts - 1; i++) await signIn(user.email, "mauvais", null);
    expect((await signIn(user.email, DEFAULT_TEST_PASSWORD, null)).status).toBe("ok");
  });

  it("doubles the delay with each further failure, up to the cap", async () => {
    const user = await createUser(db, { role: "SALES" });
    const key = accountThrottleKey(user.email);
    for (let i = 0; i < policy.freeAttempts; i++) await signIn(user.email, "mauvais", null);
    expect(await blockSeconds(key)).toBeCloseTo(10, 0);

    await ageThrottle(key, { blockSeconds: 60 });
    expect(await signIn(user.email, "mauvais", null)).toEqual({ status: "invalid" });
    expect(await blockSeconds(key)).toBeCloseTo(20, 0);

    await ageThrottle(key, { blockSeconds: 60 });
    await signIn(user.email, "mauvais", null);
    expect(await blockSeconds(key)).toBeCloseTo(40, 0);

    await db.authThrottle.update({ where: { key }, data: { failures: 40, blockedUntil: new Date(Date.now() - 1000) } });
    await signIn(user.email, "mauvais", null);
    expect(await blockSeconds(key)).toBeCloseTo(policy.maxBlockSeconds, 0);
  });

  it("starts counting again once the window is over", async () => {
    const user = await createUser(db, { role: "SALES" });
    const key = accountThrottleKey(user.email);
    for (let i = 0; i < policy.freeAttempts - 1; i++) await signIn(user.email, "mauvais", null);
    await ageThrottle(key, { windowSeconds: policy.windowSeconds + 1 });
    await signIn(user.email, "mauvais", null);
    expect(await throttleRow(key)).toMatchObject({ failures: 1, blockedUntil: null });
    expect((await signIn(user.email, DEFAULT_TEST_PASSWORD, null)).status).toBe("ok");
  });

  it("throttles unknown e-mails too, so blocking does not reveal which accounts exist", async () => {
    for (let i = 0; i < policy.freeAttempts; i++) await signIn("personne@exemple.test", "mauvais", null);
    expect((await signIn("personne@exemple.test", "mauvais", null)).status).toBe("throttled");
  });
});

describe("sign-in throttling per IP address", () => {
  it("blocks an address that fails on many accounts, but not the same accounts from elsewhere", async () => {
    const ip = "192.0.2.50";
    const victims = await Promise.all([1, 2, 3].map(() => createUser(db, { role: "SALES" })));
    for (const [i, victim] of victims.entries()) {
      if (i < policy.freeAttempts) await signIn(victim.email, "mauvais", ip);
    }
    const other = await createUser(db, { role: "MANAGER" });
    expect((await signIn(other.email, DEFAULT_TEST_PASSWORD, ip)).status).toBe("throttled");
    expect((await signIn(other.email, DEFAULT_TEST_PASSWORD, "192.0.2.51")).status).toBe("ok");
    // Each account only had one failure: they are not blocked themselves.
    expect((await signIn(victims[0]!.email, DEFAULT_TEST_PASSWORD, "192.0.2.52")).status).toBe("ok");
  });

  it("unblocks the address after the delay, and a success there does not clear the address counter", async () => {
    const ip = "192.0.2.60";
    const key = ipThrottleKey(ip);
    const mine = await createUser(db, { role: "SALES" });
    for (let i = 0; i < policy.freeAttempts; i++) await signIn(`inconnu${i}@exemple.test`, "mauvais", ip);
    expect((await signIn(mine.email, DEFAULT_TEST_PASSWORD, ip)).status).toBe("throttled");

    await ageThrottle(key, { blockSeconds: policy.maxBlockSeconds + 1 });
    expect((await signIn(mine.email, DEFAULT_TEST_PASSWORD, ip)).status).toBe("ok");
    // Signing in to one's own account buys no fresh guesses against others.
    expect(await throttleRow(key)).toMatchObject({ failures: policy.freeAttempts });
    await signIn("encore@exemple.test", "mauvais", ip);
    expect((await signIn(mine.email, DEFAULT_TEST_PASSWORD, ip)).status).toBe("throttled");
  });
});

describe("throttle counters", () => {
  it("count every one of many concurrent failures", async () => {
    const keys = [accountThrottleKey("cible@exemple.test"), ipThrottleKey("192.0.2.70")];
    await Promise.all(Array.from({ length: 12 }, () => recordFailedSignIn(db, keys, policy)));
    for (const key of keys) expect(await throttleRow(key)).toMatchObject({ failures: 12 });
  });

  it("are pruned once their window is over and they block nothing", async () => {
    const stale = accountThrottleKey("ancien@exemple.test");
    const blocked = accountThrottleKey("bloque@exemple.test");
    const fresh = accountThrottleKey("recent@exemple.test");
    await recordFailedSignIn(db, [stale], policy);
    for (let i = 0; i < policy.freeAttempts; i++) await recordFailedSignIn(db, [blocked], policy);
    await recordFailedSignIn(db, [fresh], policy);
    await ageThrottle(stale, { windowSeconds: policy.windowSeconds + 1 });
    await ageThrottle(blocked, { windowSeconds: policy.windowSeconds + 1 });
    expect(await pruneThrottle(db, policy)).toBe(1);
    expect(await throttleRow(stale)).toBeNull();
    expect(await throttleRow(blocked)).not.toBeNull();
    expect(await throttleRow(fresh)).not.toBeNull();
  });
});

describe("Credentials provider", () => {
  type ProviderAuthorize = (
    credentials: Record<string, string> | undefined,
    req: { headers?: Record<string, string> },
  ) => Promise<{ id: string; sessionId?: string } | null>;

  function providerAuthorize(): ProviderAuthorize {
    const provider = getAuthOptions().providers[0] as unknown as { options: { authorize: ProviderAuthorize } };
    return provider.options.authorize;
  }

  it("signs in with the client address from the request, opens a session row and puts only its id and the user's in the token", async () => {
    const user = await createUser(db, { role: "SALES" });
    const authorize = providerAuthorize();
    const signedIn = await authorize(
      { email: user.email, password: DEFAULT_TEST_PASSWORD },
      { headers: { "x-forwarded-for": "192.0.2.80", "user-agent": "Mozilla/5.0 Test" } },
    );
    expect(signedIn).toEqual({ id: user.id, sessionId: expect.any(String) });
    const row = await db.session.findUniqueOrThrow({ where: { id: signedIn!.sessionId! } });
    expect(row).toMatchObject({ userId: user.id, ip: "192.0.2.80", userAgent: "Mozilla/5.0 Test", revokedAt: null });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeCloseTo(7 * 24 * 3600 * 1000, -4);
    expect(await authorize({ email: user.email, password: "mauvais" }, { headers: { "x-forwarded-for": "192.0.2.80" } })).toBeNull();
    expect(await throttleRow(ipThrottleKey("192.0.2.80"))).toMatchObject({ failures: 1 });

    const jwt = getAuthOptions().callbacks?.jwt;
    const token = await jwt?.({
      token: { sub: user.id, name: user.name, email: user.email, picture: null },
      user: { id: user.id, sessionId: signedIn!.sessionId },
    } as Parameters<NonNullable<typeof jwt>>[0]);
    expect(token).toEqual({ sub: user.id, sid: signedIn!.sessionId });
    // A re-issued token keeps naming the same session.
    expect(await jwt?.({ token: { sub: user.id, sid: signedIn!.sessionId } } as Parameters<NonNullable<typeof jwt>>[0])).toEqual({
      sub: user.id,
      sid: signedIn!.sessionId,
    });
  });

  it("reports a throttled attempt with its own error code and French message", async () => {
    const user = await createUser(db, { role: "SALES" });
    const authorize = providerAuthorize();
    const failures = throttlePolicyFromEnv().freeAttempts;
    for (let i = 0; i < failures; i++) await authorize({ email: user.email, password: "mauvais" }, { headers: {} });
    await expect(authorize({ email: user.email, password: DEFAULT_TEST_PASSWORD }, { headers: {} })).rejects.toThrow(THROTTLED_ERROR_CODE);
    expect(signInErrorMessage(THROTTLED_ERROR_CODE)).toBe(THROTTLED_MESSAGE);
    expect(THROTTLED_MESSAGE).toBe("Trop de tentatives. Réessayez dans quelques minutes.");
  });
});

describe("loadSessionActor (the per-request check behind getActor)", () => {
  const sessionPolicy = { idleSeconds: 8 * 3600, absoluteSeconds: 7 * 24 * 3600 };
  async function openSession(userId: string) {
    return (await createSession(db, { userId, ip: null, userAgent: null }, sessionPolicy)).id;
  }

  it("returns the user as the database has them now", async () => {
    const user = await createUser(db, { role: "SALES" });
    const sid = await openSession(user.id);
    expect(await loadSessionActor(db, sid, user.id, sessionPolicy)).toEqual({
      id: user.id,
      email: user.email,
      name: user.name,
      role: "SALES",
      partnerId: null,
    });
    await db.user.update({ where: { id: user.id }, data: { role: "MANAGER", name: "Nouveau Nom" } });
    expect(await loadSessionActor(db, sid, user.id, sessionPolicy)).toMatchObject({ role: "MANAGER", name: "Nouveau Nom" });
  });

  it("drops an existing session at once when the user is deactivated or deleted", async () => {
    const user = await createUser(db, { role: "SALES" });
    const sid = await openSession(user.id);
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await loadSessionActor(db, sid, user.id, sessionPolicy)).toBeNull();
    await db.user.update({ where: { id: user.id }, data: { active: true } });
    expect(await loadSessionActor(db, sid, user.id, sessionPolicy)).not.toBeNull();
    await db.user.delete({ where: { id: user.id } });
    expect(await loadSessionActor(db, sid, user.id, sessionPolicy)).toBeNull();
  });

  it("drops the users of a partner organisation when it is deactivated", async () => {
    const partner = await createPartner(db);
    const user = await createUser(db, { role: "PARTNER", partnerId: partner.id });
    const sid = await openSession(user.id);
    expect(await loadSessionActor(db, sid, user.id, sessionPolicy)).toMatchObject({ partnerId: partner.id });
    await db.partner.update({ where: { id: partner.id }, data: { active: false } });
    expect(await loadSessionActor(db, sid, user.id, sessionPolicy)).toBeNull();
  });

  it("returns null for an empty or unknown id, or a session of another user", async () => {
    const user = await createUser(db, { role: "SALES" });
    const other = await createUser(db, { role: "SALES" });
    const sid = await openSession(user.id);
    expect(await loadSessionActor(db, "", user.id, sessionPolicy)).toBeNull();
    expect(await loadSessionActor(db, "n-existe-pas", user.id, sessionPolicy)).toBeNull();
    expect(await loadSessionActor(db, sid, other.id, sessionPolicy)).toBeNull();
  });
});
