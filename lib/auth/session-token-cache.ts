// The session cookie's claims, decoded once per distinct cookie rather than on every request:
// next-auth's decode derives its key with HKDF and decrypts the JWE each time, and a page view
// decoded the same cookie in the proxy and again in the page (2 % of the app server's CPU in
// `npm run bench --cpu-prof`). A cookie is an immutable string, so its decoded claims can be
// reused until the token expires; the server-side session row still decides, per request,
// whether the session is open. No "server-only": the proxy imports it too.
import { decode, type JWT, type JWTDecodeParams } from "next-auth/jwt";

const MAX_ENTRIES = 1000;
const decoded = new Map<string, { secret: JWTDecodeParams["secret"]; token: JWT }>();

function stillValid(token: JWT, nowMs: number): boolean {
  return typeof token.exp !== "number" || token.exp * 1000 > nowMs;
}

// Same contract as next-auth's decode (null for a forged, stale or absent token), so it can be
// handed to getToken({ decode }).
export async function decodeSessionToken(params: JWTDecodeParams): Promise<JWT | null> {
  const { token: value, secret } = params;
  if (!value) return null;
  const hit = decoded.get(value);
  if (hit && hit.secret === secret && stillValid(hit.token, Date.now())) return hit.token;
  const token = await decode(params);
  if (!token) return null;
  if (decoded.size >= MAX_ENTRIES) decoded.delete(decoded.keys().next().value!);
  decoded.set(value, { secret, token });
  return token;
}
