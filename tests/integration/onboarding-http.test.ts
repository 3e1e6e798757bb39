// The public onboarding routes: /onboarding/<token> swaps the token for a cookie and a 303;
// /onboarding/envoi takes the form. Every invalid case gets the one neutral answer.
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it } from "vitest";
import { GET as openLinkRoute } from "@/app/onboarding/[token]/route";
import { POST as submitRoute } from "@/app/onboarding/envoi/route";
import { INVALID_LINK_MESSAGE } from "@/lib/onboarding/labels";
import { markReadyToStart } from "@/lib/onboarding/mark-ready";
import { signOnboardingSession } from "@/lib/onboarding/session-cookie";
import { generateOnboardingToken } from "@/lib/onboarding/token";
import {
  createOnboardingTeam,
  createProspectWithFavorite,
  PDF,
  PNG,
  tokenFromEmail,
  type OnboardingTeam,
  withTemporaryStorage,
} from "@/tests/support/onboarding";
import { getTestDb, resetDatabase } from "@/tests/setup/db";

const db = getTestDb();
const BASE = "http://localhost:3000";
let team: OnboardingTeam;
withTemporaryStorage("crm-onboarding-http-");

beforeEach(async () => {
  await resetDatabase();
  team = await createOnboardingTeam(db);
});

async function readyLink() {
  const { prospect } = await createProspectWithFavorite(db, team);
  const result = await db.$transaction((tx) => markReadyToStart(tx, { prospectId: prospect.id, actor: team.actors.partner }));
  if (result.alreadyReady) throw new Error("expected a new ready period");
  const mail = await db.outboxEmail.findUniqueOrThrow({ where: { id: result.clientEmailId } });
  return { prospect, linkId: result.onboardingLinkId, token: tokenFromEmail(mail.text) };
}

function open(token: string) {
  return openLinkRoute(new NextRequest(`${BASE}/onboarding/${token}`), { params: Promise.resolve({ token }) });
}

function sessionCookieFrom(response: Response): string {
  const header = response.headers.get("set-cookie") ?? "";
  const match = header.match(/crm-onboarding=([^;]*)/);
  if (!match?.[1]) throw new Error(`no session cookie in ${header}`);
  return match[1];
}

function form(fields: Record<string, string | Blob | undefined>) {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (value instanceof Blob) body.set(key, value, key === "idDocument" ? "identite.png" : `${key}.pdf`);
    else if (value !== undefined) body.set(key, value);
  }
  return body;
}

const goodFields = {
  legalName: "Boulangerie Martin",
  street: "3 place du Marché",
  postalCode: "69002",
  city: "Lyon",
  representativeFirstName: "Camille",
  representativeLastName: "Martin",
  email: "camille@boulangerie.test",
  phone: "06 12 34 56 78",
  consent: "on",
  idDocument: new Blob([PNG], { type: "image/png" }),
  kbis: new Blob([PDF], { type: "application/pdf" }),
  rib: new Blob([PDF], { type: "application/pdf" }),
};

function submit(cookie: string | null, body: FormData, headers: Record<string, string> = {}) {
  return submitRoute(
    new NextRequest(`${BASE}/onboarding/envoi`, {
      method: "POST",
      body,
      headers: { ...(cookie ? { cookie: `crm-onboarding=${cookie}` } : {}), "sec-fetch-site": "same-origin", ...headers },
    }),
  );
}

describe("GET /onboarding/<token>", () => {
  it("swaps a valid token for a short-lived httpOnly cookie naming the link, and 303s to /onboarding", async () => {
    const { token, linkId } = await readyLink();
    const response = await open(token);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/onboarding");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("cache-control")).toContain("no-store");

    const setCookie = response.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=lax/i);
    expect(setCookie).toMatch(/Path=\/onboarding/);
    expect(setCookie).toMatch(/Max-Age=1800/);
    expect(setCookie).not.toContain(token);
    expect(sessionCookieFrom(response)).toMatch(new RegExp(`^v1\\.${linkId}\\.`));
    expect((await db.onboardingLink.findUniqueOrThrow({ where: { id: linkId } })).openedAt).not.toBeNull();
  });

  it("answers every invalid token the same way: no session, the same redirect", async () => {
    const { token, linkId } = await readyLink();
    await db.onboardingLink.update({ where: { id: linkId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await open(token);

    const unknown = await open(generateOnboardingToken().token);
    const malformed = await open("abc");
    const { token: usedToken, linkId: usedId } = await readyLink();
    await db.onboardingLink.update({ where: { id: usedId }, data: { usedAt: new Date() } });
    const used = await open(usedToken);

    for (const response of [expired, unknown, malformed, used]) {
      expect(response.status).toBe(303);
      expect(response.headers.get("location")).toBe("/onboarding");
      expect(response.headers.get("set-cookie")).toMatch(/crm-onboarding=;/);
      expect(response.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    }
  });
});

describe("POST /onboarding/envoi", () => {
  it("takes the form with a valid session, clears the cookie and sends the client to the thank-you page", async () => {
    const { token, linkId, prospect } = await readyLink();
    const cookie = sessionCookieFrom(await open(token));

    const response = await submit(cookie, form(goodFields));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, redirectTo: "/onboarding/merci" });
    expect(response.headers.get("set-cookie")).toMatch(/Max-Age=0/);

    expect(await db.attachment.count({ where: { prospectId: prospect.id, onboardingLinkId: linkId } })).toBe(3);
    const link = await db.onboardingLink.findUniqueOrThrow({ where: { id: linkId } });
    expect(link.usedAt).not.toBeNull();
    expect(link.submittedData).toMatchObject({ phone: "+33612345678" });

    // The link is spent: opening it again, or replaying the cookie, gets the neutral answer.
    expect(sessionCookieFromOrNull(await open(token))).toBe("");
    const replay = await submit(cookie, form(goodFields));
    expect(replay.status).toBe(404);
    expect(await replay.json()).toMatchObject({ ok: false, error: INVALID_LINK_MESSAGE, invalidLink: true });
  });

  it("keeps the client's answers server-side valid: French field errors, nothing written", async () => {
    const { token, linkId } = await readyLink();
    const cookie = sessionCookieFrom(await open(token));
    const response = await submit(cookie, form({ ...goodFields, postalCode: "690", consent: undefined, rib: undefined }));
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.ok).toBe(false);
    expect(body.fieldErrors).toEqual({
      postalCode: ["Le code postal doit compter 5 chiffres."],
      consent: ["Cochez cette case pour transmettre votre dossier."],
      rib: ["Ajoutez le document : RIB."],
    });

    const badType = await submit(cookie, form({ ...goodFields, kbis: new Blob(["MZ\x90\x00 not a pdf"], { type: "application/pdf" }) }));
    expect(badType.status).toBe(422);
    expect((await badType.json()).fieldErrors.kbis[0]).toMatch(/Ce type de fichier n'est pas accepté/);
    expect((await db.onboardingLink.findUniqueOrThrow({ where: { id: linkId } })).usedAt).toBeNull();
  });

  it("refuses a missing, forged or expired session with the neutral answer, and a cross-site post with a 403", async () => {
    const { token, linkId } = await readyLink();
    const cookie = sessionCookieFrom(await open(token));
    const stale = signOnboardingSession(linkId, "integration-tests-only-secret-0123456789abcdef", new Date(Date.now() - 31 * 60_000));
    const forged = signOnboardingSession(linkId, "another-secret-another-secret-another-secret", new Date());

    for (const response of [
      await submit(null, form(goodFields)),
      await submit(stale, form(goodFields)),
      await submit(forged, form(goodFields)),
    ]) {
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: INVALID_LINK_MESSAGE, invalidLink: true });
    }
    const crossSite = await submit(cookie, form(goodFields), { "sec-fetch-site": "cross-site" });
    expect(crossSite.status).toBe(403);
    expect(crossSite.headers.get("set-cookie")).toBeNull();
    expect((await db.onboardingLink.findUniqueOrThrow({ where: { id: linkId } })).usedAt).toBeNull();
  });

  it("answers a malformed body with a French 400, never a 500", async () => {
    const { token } = await readyLink();
    const cookie = sessionCookieFrom(await open(token));
    const response = await submitRoute(
      new NextRequest(`${BASE}/onboarding/envoi`, {
        method: "POST",
        body: "{pas du multipart",
        headers: { cookie: `crm-onboarding=${cookie}`, "content-type": "multipart/form-data; boundary=xyz" },
      }),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatch(/formulaire envoyé est incomplet/);
  });
});

function sessionCookieFromOrNull(response: Response): string | null {
  const match = (response.headers.get("set-cookie") ?? "").match(/crm-onboarding=([^;]*)/);
  return match ? (match[1] ?? "") : null;
}
