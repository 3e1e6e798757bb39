// GET /acces/<token>: the invitation or reset token is swapped for a short signed cookie with a
// 303 to /acces, so it leaves the address bar and never reaches a Referer.
import { NextRequest } from "next/server";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { ACCESS_PAGE, verifyAccountLinkCookie } from "@/lib/accounts/link-cookie";
import { issueAccountToken } from "@/lib/accounts/tokens";
import { createUser } from "@/tests/factories";
import { getTestDb, resetDatabase } from "@/tests/setup/db";

const { GET } = await import("@/app/acces/[token]/route");
const db = getTestDb();

function open(token: string) {
  return GET(new NextRequest(`http://localhost:3000/acces/${token}`), { params: Promise.resolve({ token }) });
}

beforeEach(async () => {
  await resetDatabase();
});

afterAll(async () => {
  await resetDatabase();
});

describe("GET /acces/<token>", () => {
  it("sets the link cookie and redirects with no referrer", async () => {
    const user = await createUser(db, { role: "SALES" });
    const { token } = await issueAccountToken(db, { userId: user.id, kind: "PASSWORD_RESET", createdById: null });
    const response = await open(token);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(ACCESS_PAGE);
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("cache-control")).toContain("no-store");
    const cookie = response.cookies.get("crm-account-link");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.path).toBe(ACCESS_PAGE);
    const row = await db.accountToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(verifyAccountLinkCookie(cookie?.value, process.env.NEXTAUTH_SECRET!)).toBe(row.id);
    // The token itself is nowhere in the answer.
    expect(JSON.stringify([...response.headers])).not.toContain(token);
  });

  it("clears the cookie for an unknown, malformed or used token", async () => {
    const user = await createUser(db, { role: "SALES" });
    const { token } = await issueAccountToken(db, { userId: user.id, kind: "INVITATION", createdById: null });
    await db.accountToken.updateMany({ where: { userId: user.id }, data: { usedAt: new Date() } });
    for (const candidate of [token, "x".repeat(43), "court"]) {
      const response = await open(candidate);
      expect(response.status).toBe(303);
      expect(response.cookies.get("crm-account-link")?.value).toBe("");
    }
  });
});
