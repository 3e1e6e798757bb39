import { describe, expect, it } from "vitest";
import {
  onboardingCookie,
  ONBOARDING_SESSION_TTL_SECONDS,
  signOnboardingSession,
  verifyOnboardingSession,
} from "@/lib/onboarding/session-cookie";

const SECRET = "unit-test-secret-0123456789abcdef0123456789";
const LINK_ID = "cmabcdefghijklmnopqrstuvw";
const now = new Date("2026-11-22T12:00:00Z");

describe("onboarding session cookie", () => {
  it("names the link, never a token, and verifies with the same secret", () => {
    const value = signOnboardingSession(LINK_ID, SECRET, now);
    expect(value.startsWith(`v1.${LINK_ID}.`)).toBe(true);
    expect(verifyOnboardingSession(value, SECRET, now)).toBe(LINK_ID);
  });

  it("stops working after its lifetime", () => {
    const value = signOnboardingSession(LINK_ID, SECRET, now);
    const justBefore = new Date(now.getTime() + (ONBOARDING_SESSION_TTL_SECONDS - 1) * 1000);
    const atExpiry = new Date(now.getTime() + ONBOARDING_SESSION_TTL_SECONDS * 1000);
    expect(verifyOnboardingSession(value, SECRET, justBefore)).toBe(LINK_ID);
    expect(verifyOnboardingSession(value, SECRET, atExpiry)).toBeNull();
  });

  it("refuses another secret, a changed link id or a stretched expiry", () => {
    const value = signOnboardingSession(LINK_ID, SECRET, now);
    const [version, , expiresAt, signature] = value.split(".");
    expect(verifyOnboardingSession(value, `${SECRET}x`, now)).toBeNull();
    expect(verifyOnboardingSession(`${version}.cmzzzzzzzzzzzzzzzzzzzzzzz.${expiresAt}.${signature}`, SECRET, now)).toBeNull();
    expect(verifyOnboardingSession(`${version}.${LINK_ID}.${Number(expiresAt) + 3600}.${signature}`, SECRET, now)).toBeNull();
  });

  it.each([undefined, null, "", "v1", "v1.a.b.c", "v2.cmabcdefghijklmnopqrstuvw.1.x", "x".repeat(500), "a.b.c.d.e"])(
    "refuses malformed values (%j)",
    (value) => {
      expect(verifyOnboardingSession(value, SECRET, now)).toBeNull();
    },
  );

  it("is httpOnly, Lax, scoped to /onboarding, short-lived, and Secure (with a __Secure- name) over https", () => {
    expect(onboardingCookie(false)).toEqual({
      name: "crm-onboarding",
      options: { httpOnly: true, sameSite: "lax", secure: false, path: "/onboarding", maxAge: 1800 },
    });
    expect(onboardingCookie(true).name).toBe("__Secure-crm-onboarding");
    expect(onboardingCookie(true).options.secure).toBe(true);
  });
});
