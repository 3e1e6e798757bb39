// The session cookie as next-auth names it, shared by the auth options, the proxy and
// getActor so all three always read and write the same cookie.
import { getEnv } from "@/lib/env";

// A page view re-issues the session JWT once it is older than this, making the session
// sliding: it ends SESSION_MAX_AGE after the last activity, not after sign-in.
export const SESSION_UPDATE_AGE_SECONDS = 60;

export function sessionCookieSettings(): { name: string; secure: boolean } {
  // next-auth switches to secure cookies exactly when its base URL is https. Under https the
  // `__Host-` prefix makes the browser refuse the cookie unless Secure, Path=/ and host-only.
  const secure = getEnv().NEXTAUTH_URL?.startsWith("https://") ?? false;
  return { name: secure ? "__Host-next-auth.session-token" : "next-auth.session-token", secure };
}

export function sessionCookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: "lax" as const, path: "/", secure };
}
