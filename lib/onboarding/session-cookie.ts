// The short-lived cookie that replaces the token once the client has opened its link: it
// names the link (by id, never by token) and is signed with NEXTAUTH_SECRET, so it cannot be
// forged or stretched. The link itself is re-checked in the database on every use.
import { createHmac, timingSafeEqual } from "node:crypto";

export const ONBOARDING_SESSION_TTL_SECONDS = 30 * 60;

const VERSION = "v1";

function signature(payload: string, secret: string): string {
  // Domain-separated, so no other HMAC made with the same secret can pass for this one.
  return createHmac("sha256", secret).update(`onboarding-session:${payload}`).digest("base64url");
}

export function signOnboardingSession(linkId: string, secret: string, now: Date = new Date()): string {
  const expiresAt = Math.floor(now.getTime() / 1000) + ONBOARDING_SESSION_TTL_SECONDS;
  const payload = `${VERSION}.${linkId}.${expiresAt}`;
  return `${payload}.${signature(payload, secret)}`;
}

// The link id the cookie vouches for, or null when it is malformed, tampered with or too old.
export function verifyOnboardingSession(
  value: string | undefined | null,
  secret: string,
  now: Date = new Date(),
): string | null {
  if (!value || value.length > 200) return null;
  const [version, linkId, expiresAtText, given, ...rest] = value.split(".");
  if (rest.length > 0 || !linkId || !expiresAtText || !given) return null;
  if (version !== VERSION || !/^[a-z0-9]{10,40}$/i.test(linkId) || !/^\d{1,12}$/.test(expiresAtText)) return null;

  const expected = Buffer.from(signature(`${version}.${linkId}.${expiresAtText}`, secret));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  if (Number(expiresAtText) * 1000 <= now.getTime()) return null;
  return linkId;
}

// The cookie is scoped to the onboarding pages. SameSite=Lax rather than Strict: the client
// arrives from a link in a (web)mail, a cross-site navigation, and browsers withhold Strict
// cookies from the whole redirect chain of such a navigation, so the page after the 303 would
// never see it. Lax still keeps it off every cross-site POST, which is what guards the submission.
export function onboardingCookie(secure: boolean): {
  name: string;
  options: { httpOnly: true; sameSite: "lax"; secure: boolean; path: string; maxAge: number };
} {
  return {
    name: secure ? "__Secure-crm-onboarding" : "crm-onboarding",
    options: { httpOnly: true, sameSite: "lax", secure, path: "/onboarding", maxAge: ONBOARDING_SESSION_TTL_SECONDS },
  };
}
