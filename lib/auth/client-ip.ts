// The address used for per-IP sign-in throttling.
import { isIP } from "node:net";

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

// IPv6 clients usually own a whole /64, so the key is the /64 prefix; otherwise one client
// could rotate addresses and never be throttled.
function normalize(candidate: string | undefined): string | null {
  if (!candidate) return null;
  let ip = candidate.trim();
  if (ip.startsWith("[") && ip.includes("]")) ip = ip.slice(1, ip.indexOf("]"));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1]) ip = mapped[1];
  const version = isIP(ip);
  if (version === 4) return ip;
  if (version === 6) return ipv6Prefix64(ip);
  return null;
}

function ipv6Prefix64(ip: string): string {
  const withoutZone = ip.split("%")[0] ?? ip;
  // An embedded IPv4 tail only ever sits in the low 64 bits: it does not change the prefix.
  const [head = "", tail] = withoutZone.split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const missing = tail === undefined ? 0 : 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array<string>(Math.max(0, missing)).fill("0"), ...tailGroups];
  const prefix = groups.slice(0, 4).map((g) => (/^[0-9a-f]{1,4}$/i.test(g) ? parseInt(g, 16).toString(16) : "0"));
  return `${prefix.join(":")}::/64`;
}

// With TRUST_PROXY, the reverse proxy appends the address it saw to X-Forwarded-For: its last
// entry is the only one a client cannot forge. Without a proxy, scripts/serve.mjs overwrites
// X-Forwarded-For with the socket address and drops X-Real-IP, so neither is client-chosen.
// Returns null when no usable address is found: the caller then skips the per-IP counter
// rather than lumping every such request into one shared bucket.
export function clientIp(headers: HeaderBag, trustProxy: boolean): string | null {
  const forwarded = header(headers, "x-forwarded-for")
    ?.split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const last = normalize(forwarded?.at(-1));
  if (last) return last;
  return trustProxy ? normalize(header(headers, "x-real-ip")) : null;
}
