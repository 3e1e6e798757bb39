// Server-side sessions: the cookie names a Session row, and the row decides. A signed-out,
// revoked, idle or too old session is dead even when its (copied) cookie is replayed.
import { encode } from "next-auth/jwt";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createPartner, createUser } from "@/tests/factories";
import { getTestDb, resetDatabase } from "@/tests/setup/db";

const jar = vi.hoisted(() => ({ cookies: new Map<string, string>() }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (jar.cookies.has(name) ? { name, value: jar.cookies.get(name) } : undefined) }),
  headers: async () => new Headers(),
}));
// React's cache() only memoises inside a server request; here every call runs afresh.
vi.mock("react", async (importOriginal) => ({ ...(await importOriginal<typeof import("react")>()), cache: <T,>(fn: T) => fn }));

const { getActor, getSessionState } = await import("@/lib/auth/session");
const { getAuthOptions } = await import("@/lib/auth/options");
const { sessionCookieSettings } = await import("@/lib/auth/session-cookie");
const { createSession, listActiveSessions, revokePartnerSessions, revokeSession, revokeUserSessions, sessionPolicyFromEnv } = await import(
  "@/lib/auth/server-session"
);

const db = getTestDb();
const policy = sessionPolicyFromEnv();

// What the browser holds after sign-in: a signed JWT naming the user and the session row.
async function signInAs(userId: string): Promise<{ sid: string; cookie: string }> {
  const { id: sid } = await createSession(db, { userId, ip: "203.0.113.5", userAgent: "Firefox" }, policy);
  const cookie = await encode({ token: { sub: userId, sid }, secret: process.env.NEXTAUTH_SECRET!, maxAge: policy.idleSeconds });
  return { sid, cookie };
}

function presentCookie(cookie: string | null) {
  jar.cookies.clear();
  if (cookie) jar.cookies.set(sessionCookieSettings().name, cookie);
}

beforeEach(async () => {
  await resetDatabase();
  presentCookie(null);
});

afterAll(async () => {
  await resetDatabase();
});

describe("getActor with server-side sessions", () => {
  it("accepts the cookie of an open session and refuses one without a session id or forged", async () => {
    const user = await createUser(db, { role: "SALES" });
    const { cookie } = await signInAs(user.id);
    presentCookie(cookie);
    expect(await getActor()).toMatchObject({ id: user.id, role: "SALES" });

    // A token from before sessions existed (user id only) is not enough.
    presentCookie(await encode({ token: { sub: user.id }, secret: process.env.NEXTAUTH_SECRET!, maxAge: 3600 }));
    expect(await getActor()).toBeNull();
    presentCookie(await encode({ token: { sub: user.id, sid: "x" }, secret: "un-autre-secret-de-plus-de-32-caracteres!!", maxAge: 3600 }));
    expect(await getActor()).toBeNull();
    presentCookie("pas-un-jwt");
    expect(await getActor()).toBeNull();
  });

  it("« Se déconnecter » revokes the row: the copied cookie replayed afterwards is dead", async () => {
    const user = await createUser(db, { role: "SALES" });
    const { sid, cookie } = await signInAs(user.id);
    await getAuthOptions().events!.signOut!({ token: { sub: user.id, sid }, session: undefined as never });
    expect((await db.session.findUniqueOrThrow({ where: { id: sid } })).revokedAt).toBeInstanceOf(Date);
    presentCookie(cookie);
    expect(await getActor()).toBeNull();
  });

  it("ends at the absolute lifetime however active, and after the idle timeout", async () => {
    const user = await createUser(db, { role: "SALES" });
    const old = await signInAs(user.id);
    const idle = await signInAs(user.id);
    await db.session.update({ where: { id: old.sid }, data: { expiresAt: new Date(Date.now() - 1000), lastSeenAt: new Date() } });
    presentCookie(old.cookie);
    expect(await getActor()).toBeNull();

    await db.session.update({ where: { id: idle.sid }, data: { lastSeenAt: new Date(Date.now() - (policy.idleSeconds + 5) * 1000) } });
    presentCookie(idle.cookie);
    expect(await getActor()).toBeNull();
  });

  it("keeps lastSeenAt current, writing it at most once a minute", async () => {
    const user = await createUser(db, { role: "SALES" });
    const { sid, cookie } = await signInAs(user.id);
    const tenMinutesAgo = new Date(Date.now() - 10 * 60 * 1000);
    await db.session.update({ where: { id: sid }, data: { lastSeenAt: tenMinutesAgo } });
    presentCookie(cookie);
    await getActor();
    const seen = (await db.session.findUniqueOrThrow({ where: { id: sid } })).lastSeenAt;
    expect(seen.getTime()).toBeGreaterThan(tenMinutesAgo.getTime() + 9 * 60 * 1000);
    await getActor();
    expect((await db.session.findUniqueOrThrow({ where: { id: sid } })).lastSeenAt).toEqual(seen);
  });
});

describe("second factor required by role (MFA_REQUIRED_ROLES, ADMIN by default)", () => {
  it("treats an admin without a second factor as signed out everywhere but enrolment", async () => {
    const admin = await createUser(db, { role: "ADMIN" });
    const manager = await createUser(db, { role: "MANAGER" });
    presentCookie((await signInAs(admin.id)).cookie);
    expect(await getActor()).toBeNull();
    expect(await getSessionState()).toMatchObject({ mfaPending: true, actor: { id: admin.id } });

    await db.user.update({ where: { id: admin.id }, data: { totpEnabledAt: new Date(), totpSecretEncrypted: "v1.x.y.z" } });
    expect(await getActor()).toMatchObject({ id: admin.id });

    // Not required for a manager by default.
    presentCookie((await signInAs(manager.id)).cookie);
    expect(await getSessionState()).toMatchObject({ mfaPending: false });
    expect(await getActor()).toMatchObject({ id: manager.id });
  });
});

describe("revoking sessions", () => {
  it("closes one session of its owner only", async () => {
    const user = await createUser(db, { role: "SALES" });
    const other = await createUser(db, { role: "SALES" });
    const a = await signInAs(user.id);
    expect(await revokeSession(db, a.sid, other.id)).toBe(false);
    expect(await revokeSession(db, a.sid, user.id)).toBe(true);
    expect(await revokeSession(db, a.sid, user.id)).toBe(false);
  });

  it("closes every session of a user but the one kept, and lists what stays open", async () => {
    const user = await createUser(db, { role: "SALES" });
    const bystander = await createUser(db, { role: "SALES" });
    const kept = await signInAs(user.id);
    const laptop = await signInAs(user.id);
    const phone = await signInAs(user.id);
    const theirs = await signInAs(bystander.id);
    expect(await revokeUserSessions(db, user.id, { except: kept.sid })).toBe(2);
    for (const s of [laptop, phone]) {
      presentCookie(s.cookie);
      expect(await getActor()).toBeNull();
    }
    presentCookie(kept.cookie);
    expect(await getActor()).not.toBeNull();
    presentCookie(theirs.cookie);
    expect(await getActor()).not.toBeNull();
    expect((await listActiveSessions(db, user.id, policy)).map((s) => s.id)).toEqual([kept.sid]);
    expect(await revokeUserSessions(db, user.id)).toBe(1);
    expect(await listActiveSessions(db, user.id, policy)).toEqual([]);
  });

  it("closes every session of an organisation's users", async () => {
    const partner = await createPartner(db);
    const otherPartner = await createPartner(db);
    const a = await createUser(db, { role: "PARTNER", partnerId: partner.id });
    const b = await createUser(db, { role: "PARTNER", partnerId: partner.id });
    const c = await createUser(db, { role: "PARTNER", partnerId: otherPartner.id });
    await signInAs(a.id);
    await signInAs(b.id);
    const kept = await signInAs(c.id);
    expect(await revokePartnerSessions(db, partner.id)).toBe(2);
    presentCookie(kept.cookie);
    expect(await getActor()).toMatchObject({ id: c.id });
  });
});
