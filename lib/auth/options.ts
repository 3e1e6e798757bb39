import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authorizeCredentials } from "@/lib/auth/authorize";
import { clientIp } from "@/lib/auth/client-ip";
import { THROTTLED_ERROR_CODE } from "@/lib/auth/schemas";
import { SESSION_UPDATE_AGE_SECONDS, sessionCookieSettings } from "@/lib/auth/session-cookie";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";

let cached: AuthOptions | undefined;

// Built on first use rather than at import, so `next build` (which imports the auth route)
// does not need the runtime secrets.
export function getAuthOptions(): AuthOptions {
  if (cached) return cached;
  const env = getEnv();
  cached = {
    secret: env.NEXTAUTH_SECRET,
    useSecureCookies: sessionCookieSettings().secure,
    session: { strategy: "jwt", maxAge: env.SESSION_MAX_AGE, updateAge: SESSION_UPDATE_AGE_SECONDS },
    jwt: { maxAge: env.SESSION_MAX_AGE },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "E-mail et mot de passe",
        credentials: {
          email: { label: "Adresse e-mail", type: "email" },
          password: { label: "Mot de passe", type: "password" },
        },
        // In the App Router, `req.headers` is the incoming request's headers as a plain object;
        // no socket address is exposed, so scripts/serve.mjs puts it in X-Forwarded-For.
        async authorize(credentials, req) {
          const result = await authorizeCredentials(
            { email: credentials?.email, password: credentials?.password, ip: clientIp(req.headers ?? {}, env.TRUST_PROXY) },
            db,
          );
          // A thrown message reaches the client as `?error=`: the form turns it into French.
          if (result.status === "throttled") throw new Error(THROTTLED_ERROR_CODE);
          if (result.status === "invalid") return null;
          return { id: result.actor.id };
        },
      }),
    ],
    callbacks: {
      // The token names the user and nothing else: role, partner and active flag are re-read
      // from the database on every request (lib/auth/session.ts), so they are never stale.
      jwt({ token, user }) {
        return { sub: user?.id ?? token.sub };
      },
      session({ session, token }) {
        return { expires: session.expires, user: { id: token.sub ?? "" } };
      },
    },
  };
  return cached;
}
