// The authentication log: what sign-in, failures and sign-out write, and the « Journal de
// sécurité » filters (user, kind, dates).
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { findAuthEvents } from "@/lib/accounts/queries";
import { withMinimumDuration } from "@/lib/accounts/passwords";
import { getAuthOptions } from "@/lib/auth/options";
import { createUser, DEFAULT_TEST_PASSWORD } from "@/tests/factories";
import { getTestDb, resetDatabase } from "@/tests/setup/db";

const db = getTestDb();

type ProviderAuthorize = (credentials: Record<string, string> | undefined, req: { headers?: Record<string, string> }) => Promise<{ id: string; sessionId?: string } | null>;
const authorize = (getAuthOptions().providers[0] as unknown as { options: { authorize: ProviderAuthorize } }).options.authorize;

const params = { q: "", kind: "", from: undefined, to: undefined, page: 1, perPage: 25, sort: "createdAt", dir: "desc" } as const;

beforeEach(async () => {
  await resetDatabase();
});

afterAll(async () => {
  await resetDatabase();
});

describe("authentication log", () => {
  it("records sign-in, failed sign-in (with the e-mail typed) and sign-out, with address and browser", async () => {
    const user = await createUser(db, { role: "SALES", email: "lea@exemple.test", name: "Léa Martin" });
    const headers = { "x-forwarded-for": "192.0.2.44", "user-agent": "Mozilla/5.0 (Windows NT 10.0) Firefox/140.0" };
    expect(await authorize({ email: "lea@exemple.test", password: "mauvais" }, { headers })).toBeNull();
    expect(await authorize({ email: "inconnu@exemple.test", password: "mauvais" }, { headers })).toBeNull();
    const signedIn = await authorize({ email: "lea@exemple.test", password: DEFAULT_TEST_PASSWORD }, { headers });
    await getAuthOptions().events!.signOut!({ token: { sub: user.id, sid: signedIn!.sessionId }, session: undefined as never });

    const rows = await db.authEvent.findMany({ orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.kind, r.userId, r.email])).toEqual([
      ["SIGN_IN_FAILED", null, "lea@exemple.test"],
      ["SIGN_IN_FAILED", null, "inconnu@exemple.test"],
      ["SIGN_IN", user.id, null],
      ["SIGN_OUT", user.id, null],
    ]);
    expect(rows[2]).toMatchObject({ ip: "192.0.2.44", userAgent: headers["user-agent"] });
  });

  it("filters by user (name or e-mail typed), kind and Paris dates", async () => {
    const lea = await createUser(db, { role: "SALES", name: "Léa Martin" });
    const other = await createUser(db, { role: "SALES", name: "Hugo Petit" });
    await db.authEvent.createMany({
      data: [
        { kind: "SIGN_IN", userId: lea.id, createdAt: new Date("2026-03-10T09:00:00Z") },
        { kind: "SIGN_IN_FAILED", email: "lea.martin@ailleurs.test", createdAt: new Date("2026-03-11T09:00:00Z") },
        { kind: "SIGN_IN", userId: other.id, createdAt: new Date("2026-03-12T09:00:00Z") },
        { kind: "USER_DEACTIVATED", userId: other.id, actorId: lea.id, createdAt: new Date("2026-03-12T23:30:00Z") },
      ],
    });
    const byUser = await findAuthEvents(db, { ...params, q: "léa" });
    expect(byUser.rows.map((r) => r.kind).sort()).toEqual(["SIGN_IN", "USER_DEACTIVATED"]);
    expect((await findAuthEvents(db, { ...params, q: "lea.martin@" })).rows.map((r) => r.kind)).toEqual(["SIGN_IN_FAILED"]);
    expect((await findAuthEvents(db, { ...params, kind: "SIGN_IN" })).total).toBe(2);
    // 23:30 UTC on 12 March is already 13 March in Paris (UTC+1).
    const day = await findAuthEvents(db, { ...params, from: "2026-03-12", to: "2026-03-12" });
    expect(day.rows.map((r) => r.kind)).toEqual(["SIGN_IN"]);
    expect(day.rows[0]?.user?.name).toBe("Hugo Petit");
  });
});

describe("withMinimumDuration", () => {
  it("answers no sooner than the floor, whatever the work took", async () => {
    const started = Date.now();
    expect(await withMinimumDuration(200, async () => "fait")).toBe("fait");
    expect(Date.now() - started).toBeGreaterThanOrEqual(195);
  });
});
