// Runs before every request but Next.js's static assets: sets the security headers (CSP with a
// fresh nonce), sends anonymous page views to the sign-in page and keeps sessions sliding.
// It only redirects: whether a user may see or change anything is decided by the page or
// action itself (lib/auth/session.ts), from the database, never here.
import { encode, getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { isPublicPath, PATHNAME_HEADER } from "@/lib/auth/public-paths";
import { decodeSessionToken } from "@/lib/auth/session-token-cache";
import { SESSION_UPDATE_AGE_SECONDS, sessionCookieOptions, sessionCookieSettings } from "@/lib/auth/session-cookie";
import { getEnv } from "@/lib/env";
import { createNonce, securityHeaders } from "@/lib/security/headers";

function withHeaders<T extends NextResponse>(response: T, headers: Record<string, string>): T {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const env = getEnv();
  const cookie = sessionCookieSettings();
  const nonce = createNonce();
  const security = securityHeaders({
    nonce,
    pathname,
    https: cookie.secure || request.nextUrl.protocol === "https:",
    development: env.NODE_ENV === "development",
  });
  const requested = `${pathname}${search}`;

  // Next.js reads the nonce from the request's CSP header and puts it on the scripts it renders.
  // The pathname header is overwritten on every request, so a client cannot choose it.
  const forwarded = new Headers(request.headers);
  forwarded.set("Content-Security-Policy", security["Content-Security-Policy"] ?? "");
  forwarded.set(PATHNAME_HEADER, requested);

  if (isPublicPath(pathname)) return withHeaders(NextResponse.next({ request: { headers: forwarded } }), security);

  const token = await getToken({
    req: request,
    secret: env.NEXTAUTH_SECRET,
    cookieName: cookie.name,
    secureCookie: cookie.secure,
    decode: decodeSessionToken,
  });

  // Server actions and other non-GET requests answer for themselves (an error result, not a
  // redirect to an HTML page).
  const isPageView = request.method === "GET" || request.method === "HEAD";
  if (!token?.sub && isPageView) {
    const login = new URL("/login", request.url);
    if (requested !== "/") login.searchParams.set("callbackUrl", requested);
    return withHeaders(NextResponse.redirect(login), security);
  }

  const response = withHeaders(NextResponse.next({ request: { headers: forwarded } }), security);

  // Re-issue the token once it is a little old, so the session lasts SESSION_MAX_AGE after the
  // last page view. Server components cannot set cookies; this is the place that can. The
  // server-side session (named by `sid`) still decides whether it is valid.
  const issuedAt = typeof token?.iat === "number" ? token.iat : 0;
  if (token?.sub && Date.now() / 1000 - issuedAt > SESSION_UPDATE_AGE_SECONDS) {
    const maxAge = env.SESSION_MAX_AGE;
    const claims = { sub: token.sub, ...(typeof token.sid === "string" ? { sid: token.sid } : {}) };
    response.cookies.set(cookie.name, await encode({ token: claims, secret: env.NEXTAUTH_SECRET, maxAge }), {
      ...sessionCookieOptions(cookie.secure),
      expires: new Date(Date.now() + maxAge * 1000),
    });
  }
  return response;
}

export const config = {
  // Every path but Next.js's build assets gets the security headers; which paths need a session
  // is decided at run time by isPublicPath().
  matcher: ["/((?!_next/static/|_next/image).*)"],
};
