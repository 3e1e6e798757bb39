// The short cookie an invitation or reset token is exchanged for (GET /acces/<token> → 303
// /acces), so the token leaves the address bar at once. It names the link row by id and is
// signed with NEXTAUTH_SECRET; the row itself is re-checked on every use.
import { createHmac, timingSafeEqual } from "node:crypto";

export const ACCOUNT_LINK_COOKIE_TTL_SECONDS = 20 * 60;
export const ACCESS_PAGE = "/acces";

function signature(payload: string, secret: string): string {
  return createHmac("sha256", secret).update(`account-link:${payload}`).digest("base64url");
}

export function signAccountLinkCookie(tokenId: string, secret: string, now: Date = new Date()): string {
  const payload = `v1.${tokenId}.${Math.floor(now.getTime() / 1000) + ACCOUNT_LINK_COOKIE_TTL_SECONDS}`;
  return `${payload}.${signature(payload, secret)}`;
}

export function verifyAccountLinkCookie(value: string | undefined | null, secret: string, now: Date = new Date()): string | null {
  if (!value || value.length > 200) return null;
  const [version, tokenId, expiresAt, given, ...rest] = value.split(".");
  if (rest.length > 0 || version !== "v1" || !tokenId || !expiresAt || !given) return null;
  if (!/^[a-z0-9]{10,40}$/i.test(tokenId) || !/^\d{1,12}$/.test(expiresAt)) return null;
  const expected = Buffer.from(signature(`${version}.${tokenId}.${expiresAt}`, secret));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  if (Number(expiresAt) * 1000 <= now.getTime()) return null;
  return tokenId;
}

export function accountLinkCookie(secure: boolean) {
  return {
    name: secure ? "__Secure-crm-account-link" : "crm-account-link",
    options: { httpOnly: true, sameSite: "lax" as const, secure, path: ACCESS_PAGE, maxAge: ACCOUNT_LINK_COOKIE_TTL_SECONDS },
  };
}
