// The security headers every response carries (set by proxy.ts). Not server-only: the proxy
// imports it, and unit tests check the policy text.

export type SecurityHeaderContext = {
  nonce: string;
  pathname: string;
  https: boolean;
  // `next dev` evaluates code for its overlay and fast refresh; production never does.
  development: boolean;
};

// Pages that carry a secret token in their URL, or answer for one: the address must not leave
// in a Referer header. /api: route handlers (token exchanges, downloads) never need to send one.
const NO_REFERRER_PREFIXES = ["/api", "/onboarding", "/acces"] as const;

function hasPrefix(pathname: string, prefixes: readonly string[]): boolean {
  return prefixes.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

// Scripts run only with this response's nonce, or when loaded by such a script ('strict-dynamic'):
// Next.js puts the nonce on its own scripts when it finds it in the request's CSP header.
// Style attributes are allowed (React writes computed widths and colours into the server HTML);
// style elements and sheets need the nonce or the same origin.
export function contentSecurityPolicy({ nonce, development }: Pick<SecurityHeaderContext, "nonce" | "development">): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // `next dev` injects style elements without a nonce (and a nonce would disable 'unsafe-inline').
    development ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

// Route handlers never render a page: nothing may run or be framed, whatever they return.
const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

export function securityHeaders(context: SecurityHeaderContext): Record<string, string> {
  const isApi = hasPrefix(context.pathname, ["/api"]);
  const headers: Record<string, string> = {
    "Content-Security-Policy": isApi ? API_CONTENT_SECURITY_POLICY : contentSecurityPolicy(context),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": hasPrefix(context.pathname, NO_REFERRER_PREFIXES) ? "no-referrer" : "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "X-Frame-Options": "DENY",
  };
  if (context.https) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}
