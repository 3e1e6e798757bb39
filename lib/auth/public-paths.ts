// Paths the proxy lets through without a session (it runs on every path but the build assets).
const PUBLIC_PREFIXES = ["/login", "/api", "/_next", "/onboarding", "/desabonnement", "/acces", "/mot-de-passe-oublie"] as const;

// Set by the proxy on every request it passes on, so server code knows the path asked for
// (Next.js gives server components no other way to know it).
export const PATHNAME_HEADER = "x-crm-pathname";

export function isPublicPath(pathname: string): boolean {
  if (PUBLIC_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`))) return true;
  // Static files (favicon.ico, robots.txt, images in public/): the last segment has an extension.
  const lastSegment = pathname.slice(pathname.lastIndexOf("/") + 1);
  return /\.[^/]+$/.test(lastSegment);
}
