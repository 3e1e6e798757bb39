// The session cookie as next-auth names it, shared by the auth options and the proxy so
// both always read and write the same cookie.
import { getEnv } from "@/lib/env";

// A page view re-issues the session JWT once it is older than this, making the session
// sliding: it ends SESSION_MAX_AGE after the last activity, not after sign-in.
export const SESSION_UPDATE_AGE_SECONDS = 60;

export function sessionCookieSettings(): { name: string; secure: boolean } {
  // next-auth switches to secure cookies exactly when its base URL is https.
  const secure = getEnv().NEXTAUTH_URL?.startsWith("https://") ?? false;
  return { name: secure ? "__Secure-next-auth.session-token" : "next-auth.session-token", secure };
}
