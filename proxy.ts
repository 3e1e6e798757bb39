// Sends anonymous page views to the sign-in page and keeps active sessions sliding.
// It only redirects: whether a user may see or change anything is decided by the page or
// action itself (lib/auth/session.ts), from the database, never here.
import { encode, getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { isPublicPath, PATHNAME_HEADER } from "@/lib/auth/public-paths";
import { SESSION_UPDATE_AGE_SECONDS, sessionCookieSettings } from "@/lib/auth/session-cookie";
import { getEnv } from "@/lib/env";

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (isPublicPath(pathname)) return NextResponse.next();

  const env = getEnv();
  const cookie = sessionCookieSettings();
  const token = await getToken({
    req: request,
    secret: env.NEXTAUTH_SECRET,
    cookieName: cookie.name,
    secureCookie: cookie.secure,
  });
  const requested = `${pathname}${search}`;

  // Server actions and other non-GET requests answer for themselves (an error result, not a
  // redirect to an HTML page).
  const isPageView = request.method === "GET" || request.method === "HEAD";
  if (!token?.sub && isPageView) {
    const login = new URL("/login", request.url);
    if (requested !== "/") login.searchParams.set("callbackUrl", requested);
    return NextResponse.redirect(login);
  }

  // Overwritten on every request, so a client cannot choose it.
  const headers = new Headers(request.headers);
  headers.set(PATHNAME_HEADER, requested);
  const response = NextResponse.next({ request: { headers } });

  // Re-issue the token once it is a little old, so the session lasts SESSION_MAX_AGE after the
  // last page view. Server components cannot set cookies; this is the place that can.
  const issuedAt = typeof token?.iat === "number" ? token.iat : 0;
  if (token?.sub && Date.now() / 1000 - issuedAt > SESSION_UPDATE_AGE_SECONDS) {
    const maxAge = env.SESSION_MAX_AGE;
    response.cookies.set(cookie.name, await encode({ token: { sub: token.sub }, secret: env.NEXTAUTH_SECRET, maxAge }), {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: cookie.secure,
      expires: new Date(Date.now() + maxAge * 1000),
    });
  }
  return response;
}

export const config = {
  // Keep in step with isPublicPath(): sign-in, API routes, Next.js assets, the public client
  // onboarding pages, the campaign unsubscribe page and static files are not gated.
  matcher: ["/((?!api(?:/|$)|_next/|login(?:/|$)|onboarding(?:/|$)|desabonnement(?:/|$)|.*\\.[^/]+$).*)"],
};
