// OWASP "device cookies": a browser that once signed in to an account gets a signed cookie
// naming that account. Its later attempts are throttled under their own key, so the account-wide
// block that a stranger's wrong guesses cause does not lock the owner out, while the owner's
// own failures still count (against the device key).
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const DEVICE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

function accountTag(email: string): string {
  return createHash("sha256").update(`device:${email.trim().toLowerCase()}`).digest("base64url").slice(0, 22);
}

function signature(payload: string, secret: string): string {
  return createHmac("sha256", secret).update(`device-cookie:${payload}`).digest("base64url");
}

export function signDeviceCookie(email: string, secret: string): string {
  const payload = `v1.${randomBytes(16).toString("base64url")}.${accountTag(email)}`;
  return `${payload}.${signature(payload, secret)}`;
}

// The device id when the cookie is genuine and was issued for this e-mail; null otherwise.
export function verifyDeviceCookie(value: string | null | undefined, email: string, secret: string): string | null {
  if (!value || value.length > 200) return null;
  const [version, deviceId, tag, given, ...rest] = value.split(".");
  if (rest.length > 0 || version !== "v1" || !deviceId || !tag || !given) return null;
  const expected = Buffer.from(signature(`${version}.${deviceId}.${tag}`, secret));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  return tag === accountTag(email) ? deviceId : null;
}

export function deviceCookie(secure: boolean) {
  return {
    name: secure ? "__Host-crm-device" : "crm-device",
    options: { httpOnly: true, sameSite: "lax" as const, secure, path: "/", maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS },
  };
}

// The named cookie's value from a raw Cookie header (the Credentials provider only gets headers).
export function readCookie(header: string | undefined | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === name) return decodeURIComponent(part.slice(index + 1).trim());
  }
  return null;
}
