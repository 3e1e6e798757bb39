// State-changing route handlers (plain form POSTs and fetches, outside server actions, which
// Next.js checks itself) refuse requests another site made the browser send.
type RequestLike = { url: string; headers: Headers };

export function isCrossSiteRequest(request: RequestLike): boolean {
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite === "cross-site") return true;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
