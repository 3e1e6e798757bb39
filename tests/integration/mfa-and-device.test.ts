// Second factor (TOTP) with real codes computed from the enrolled secret, recovery codes, and the
// device-cookie throttling that keeps an account's owner in while strangers are blocked.
import { Secret, TOTP } from "otpauth";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { decryptTotpSecret, encryptTotpSecret } from "@/lib/accounts/totp-crypto";
import { confirmTotpEnrolment, consumeRecoveryCode, consumeTotpCode, startTotpEnrolment } from "@/lib/accounts/totp";
import { authorizeCredentials } from "@/lib/auth/authorize";
import { signDeviceCookie, verifyDeviceCookie } from "@/lib/auth/device-cookie";
import { accountThrottleKey, type ThrottlePolicy } from "@/lib/auth/throttle";
import { createUser, DEFAULT_TEST_PASSWORD } from "@/tests/factories";
import { getTestDb, resetDatabase } from "@/tests/setup/db";

const db = getTestDb();
const meta = { ip: null, userAgent: null };
const secret = process.env.NEXTAUTH_SECRET!;
const policy: ThrottlePolicy = { freeAttempts: 3, windowSeconds: 900, maxBlockSeconds: 300, baseDelaySeconds: 10 };

function codeAt(base32: string, timestamp: number): string {
  return new TOTP({ secret: Secret.fromBase32(base32), digits: 6, period: 30, algorithm: "SHA1" }).generate({ timestamp });
}

async function enrolledUser() {
  const user = await createUser(db, { role: "MANAGER" });
  const enrolment = await startTotpEnrolment(db, user);
  const recoveryCodes = await confirmTotpEnrolment(db, user.id, codeAt(enrolment.secret, Date.now()), meta);
  return { user, secret: enrolment.secret, recoveryCodes };
}

beforeEach(async () => {
  await resetDatabase();
});

afterAll(async () => {
  await resetDatabase();
});

describe("TOTP", () => {
  it("stores the secret encrypted, shows it as a QR code, and confirms enrolment with a real code", async () => {
    const user = await createUser(db, { role: "MANAGER", email: "marc@exemple.test" });
    const enrolment = await startTotpEnrolment(db, user);
    expect(enrolment.uri).toMatch(/^otpauth:\/\/totp\/CRM%20Partenaires:marc%40exemple\.test\?/);
    expect(enrolment.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecretEncrypted: true, totpEnabledAt: true } });
    expect(row.totpSecretEncrypted).not.toContain(enrolment.secret);
    expect(decryptTotpSecret(row.totpSecretEncrypted!, secret)).toBe(enrolment.secret);
    expect(decryptTotpSecret(row.totpSecretEncrypted!, "un-autre-secret-de-plus-de-32-caracteres!!")).toBeNull();
    expect(row.totpEnabledAt).toBeNull();

    await expect(confirmTotpEnrolment(db, user.id, "000000", meta)).rejects.toThrow(/Code incorrect/);
    const codes = await confirmTotpEnrolment(db, user.id, codeAt(enrolment.secret, Date.now()), meta);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const stored = await db.mfaRecoveryCode.findMany({ where: { userId: user.id } });
    expect(stored.some((c) => codes.includes(c.codeHash))).toBe(false);
    expect(await db.authEvent.count({ where: { userId: user.id, kind: "MFA_ENROLLED" } })).toBe(1);
  });

  it("accepts ±1 step of drift, refuses 2 steps and a replayed code", async () => {
    const { user, secret: base32 } = await enrolledUser();
    const now = Date.now() + 5 * 60_000;
    expect(await consumeTotpCode(db, user.id, codeAt(base32, now - 60_000), { requireEnabled: true, now })).toBe(false);
    expect(await consumeTotpCode(db, user.id, codeAt(base32, now - 30_000), { requireEnabled: true, now })).toBe(true);
    const current = codeAt(base32, now);
    expect(await consumeTotpCode(db, user.id, current, { requireEnabled: true, now })).toBe(true);
    // The same code again, within its window: refused.
    expect(await consumeTotpCode(db, user.id, current, { requireEnabled: true, now })).toBe(false);
    // An older step after a newer one was used: refused too.
    expect(await consumeTotpCode(db, user.id, codeAt(base32, now - 30_000), { requireEnabled: true, now })).toBe(false);
    expect(await consumeTotpCode(db, user.id, codeAt(base32, now + 30_000), { requireEnabled: true, now })).toBe(true);
  });

  it("asks for the code at sign-in, refuses a wrong one, accepts a right one once, and each recovery code once", async () => {
    const { user, secret: base32, recoveryCodes } = await enrolledUser();
    const signIn = (code?: string) => authorizeCredentials({ email: user.email, password: DEFAULT_TEST_PASSWORD, code, ip: null }, db, { policy });
    expect(await signIn()).toEqual({ status: "mfa_required" });
    expect(await signIn("123456")).toEqual({ status: "mfa_invalid" });
    // A right code with a wrong password is still just a wrong password.
    expect(await authorizeCredentials({ email: user.email, password: "mauvais", code: codeAt(base32, Date.now() + 30_000), ip: null }, db, { policy })).toEqual({ status: "invalid" });
    const code = codeAt(base32, Date.now() + 30_000);
    expect(await signIn(code)).toMatchObject({ status: "ok" });
    expect(await signIn(code)).toEqual({ status: "mfa_invalid" });

    const recovery = recoveryCodes[0]!;
    expect(await signIn(recovery.toUpperCase())).toMatchObject({ status: "ok", usedRecoveryCode: true });
    expect(await consumeRecoveryCode(db, user.id, recovery)).toBe(false);
  });

  it("encrypts with a fresh IV each time", () => {
    expect(encryptTotpSecret("JBSWY3DPEHPK3PXP", secret)).not.toBe(encryptTotpSecret("JBSWY3DPEHPK3PXP", secret));
  });
});

describe("device cookies", () => {
  it("are bound to the account they were issued for and cannot be forged", () => {
    const cookie = signDeviceCookie("claire@exemple.test", secret);
    expect(verifyDeviceCookie(cookie, "Claire@Exemple.test", secret)).toEqual(expect.any(String));
    expect(verifyDeviceCookie(cookie, "autre@exemple.test", secret)).toBeNull();
    expect(verifyDeviceCookie(cookie, "claire@exemple.test", "un-autre-secret-de-plus-de-32-caracteres!!")).toBeNull();
    expect(verifyDeviceCookie(`${cookie}x`, "claire@exemple.test", secret)).toBeNull();
  });

  it("a stranger's failures block the account but not the owner's device; the owner's own failures are throttled", async () => {
    const owner = await createUser(db, { role: "SALES", email: "owner@exemple.test" });
    const device = signDeviceCookie(owner.email, secret);
    for (let i = 0; i < policy.freeAttempts; i++) {
      await authorizeCredentials({ email: owner.email, password: "devine", ip: `198.51.100.${i + 1}` }, db, { policy });
    }
    // The account is blocked for anyone without the device cookie, right password or not…
    expect(await authorizeCredentials({ email: owner.email, password: DEFAULT_TEST_PASSWORD, ip: "203.0.113.7" }, db, { policy })).toMatchObject({ status: "throttled" });
    // …but the owner's browser gets in.
    expect(await authorizeCredentials({ email: owner.email, password: DEFAULT_TEST_PASSWORD, ip: "203.0.113.7", deviceCookie: device }, db, { policy })).toMatchObject({ status: "ok" });
    // The account-wide counter the stranger built stays.
    expect(await db.authThrottle.findUnique({ where: { key: accountThrottleKey(owner.email) } })).not.toBeNull();

    // The owner's own wrong tries, from the device, are still throttled.
    for (let i = 0; i < policy.freeAttempts; i++) {
      await authorizeCredentials({ email: owner.email, password: "oublié", ip: null, deviceCookie: device }, db, { policy });
    }
    expect(await authorizeCredentials({ email: owner.email, password: DEFAULT_TEST_PASSWORD, ip: null, deviceCookie: device }, db, { policy })).toMatchObject({ status: "throttled" });
  });

  it("a device cookie of another account counts as none", async () => {
    const owner = await createUser(db, { role: "SALES" });
    const foreign = signDeviceCookie("quelquun@exemple.test", secret);
    for (let i = 0; i < policy.freeAttempts; i++) await authorizeCredentials({ email: owner.email, password: "devine", ip: null }, db, { policy });
    expect(await authorizeCredentials({ email: owner.email, password: DEFAULT_TEST_PASSWORD, ip: null, deviceCookie: foreign }, db, { policy })).toMatchObject({ status: "throttled" });
  });
});
