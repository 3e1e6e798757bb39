import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { recordAuthEvent } from "@/lib/accounts/auth-log";
import { authorizeCredentials } from "@/lib/auth/authorize";
import { clientIp } from "@/lib/auth/client-ip";
import { deviceCookie, readCookie } from "@/lib/auth/device-cookie";
import { MFA_INVALID_ERROR_CODE, MFA_REQUIRED_ERROR_CODE, THROTTLED_ERROR_CODE } from "@/lib/auth/schemas";
import { createSession, revokeSession, sessionPolicyFromEnv } from "@/lib/auth/server-session";
import { SESSION_UPDATE_AGE_SECONDS, sessionCookieOptions, sessionCookieSettings } from "@/lib/auth/session-cookie";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";

let cached: AuthOptions | undefined;

// Built on first use rather than at import, so `next build` (which imports the auth route)
// does not need the runtime secrets.
export function getAuthOptions(): AuthOptions {
  if (cached) return cached;
  const env = getEnv();
  const cookie = sessionCookieSettings();
  cached = {
    secret: env.NEXTAUTH_SECRET,
    useSecureCookies: cookie.secure,
    cookies: { sessionToken: { name: cookie.name, options: sessionCookieOptions(cookie.secure) } },
    session: { strategy: "jwt", maxAge: env.SESSION_MAX_AGE, updateAge: SESSION_UPDATE_AGE_SECONDS },
    jwt: { maxAge: env.SESSION_MAX_AGE },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "E-mail et mot de passe",
        credentials: {
          email: { label: "Adresse e-mail", type: "email" },
          password: { label: "Mot de passe", type: "password" },
          code: { label: "Code de vérification", type: "text" },
        },
        // In the App Router, `req.headers` is the incoming request's headers as a plain object;
        // no socket address is exposed, so scripts/serve.mjs puts it in X-Forwarded-For.
        async authorize(credentials, req) {
          const headers = req.headers ?? {};
          const ip = clientIp(headers, env.TRUST_PROXY);
          const cookieHeader = typeof headers.cookie === "string" ? headers.cookie : null;
          const result = await authorizeCredentials(
            {
              email: credentials?.email,
              password: credentials?.password,
              code: credentials?.code,
              ip,
              deviceCookie: readCookie(cookieHeader, deviceCookie(sessionCookieSettings().secure).name),
            },
            db,
          );
          const userAgent = typeof headers["user-agent"] === "string" ? headers["user-agent"] : null;
          const typedEmail = typeof credentials?.email === "string" ? credentials.email.trim().toLowerCase() : null;
          // A thrown message reaches the client as `?error=`: the form turns it into French.
          if (result.status === "throttled") {
            await recordAuthEvent(db, { kind: "SIGN_IN_THROTTLED", email: typedEmail, ip, userAgent });
            throw new Error(THROTTLED_ERROR_CODE);
          }
          if (result.status === "invalid") {
            await recordAuthEvent(db, { kind: "SIGN_IN_FAILED", email: typedEmail, ip, userAgent });
            return null;
          }
          // The password was right: the form now asks for the second factor.
          if (result.status === "mfa_required") throw new Error(MFA_REQUIRED_ERROR_CODE);
          if (result.status === "mfa_invalid") {
            await recordAuthEvent(db, { kind: "MFA_FAILED", email: typedEmail, ip, userAgent });
            throw new Error(MFA_INVALID_ERROR_CODE);
          }
          if (result.usedRecoveryCode) await recordAuthEvent(db, { kind: "MFA_RECOVERY_USED", userId: result.actor.id, ip, userAgent });
          const session = await createSession(db, { userId: result.actor.id, ip, userAgent }, sessionPolicyFromEnv());
          await recordAuthEvent(db, { kind: "SIGN_IN", userId: result.actor.id, ip, userAgent });
          return { id: result.actor.id, sessionId: session.id };
        },
      }),
    ],
    callbacks: {
      // The token names the user and its server-side session, nothing else: the session row,
      // role, partner and active flag are re-read from the database on every request
      // (lib/auth/session.ts), so they are never stale and a revoked session is dead at once.
      jwt({ token, user }) {
        const sid = user && "sessionId" in user && typeof user.sessionId === "string" ? user.sessionId : token.sid;
        return { sub: user?.id ?? token.sub, sid };
      },
      session({ session, token }) {
        return { expires: session.expires, user: { id: token.sub ?? "" } };
      },
    },
    events: {
      // « Se déconnecter »: the row is revoked, so a copy of the cookie no longer works.
      async signOut({ token }) {
        if (typeof token?.sid !== "string" || typeof token.sub !== "string") return;
        if (await revokeSession(db, token.sid, token.sub)) await recordAuthEvent(db, { kind: "SIGN_OUT", userId: token.sub });
      },
    },
  };
  return cached;
}
