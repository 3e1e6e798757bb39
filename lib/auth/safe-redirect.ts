// Where to send a user after sign-in: only a path of this site, never another origin
// (open-redirect). Client-safe: the sign-in page and form both use it.
const FALLBACK = "/";
const BASE = "http://local.invalid";

export function safeCallbackUrl(raw: unknown, fallback: string = FALLBACK): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2048) return fallback;
  // "//host" and "/\host" are protocol-relative URLs to another site in browsers.
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return fallback;
  // Browsers drop tabs and newlines from URLs ("/\t/evil.example" becomes "//evil.example"),
  // and backslashes read as slashes: refuse them outright.
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
