import { describe, expect, it } from "vitest";
import { clientIp } from "@/lib/auth/client-ip";

describe("clientIp", () => {
  it("takes the address Next.js or the trusted proxy appended last to X-Forwarded-For", () => {
    expect(clientIp({ "x-forwarded-for": "203.0.113.7" }, false)).toBe("203.0.113.7");
    expect(clientIp({ "x-forwarded-for": "198.51.100.1, 203.0.113.7" }, true)).toBe("203.0.113.7");
    expect(clientIp(new Headers({ "x-forwarded-for": "10.0.0.1 ,  203.0.113.7 " }), true)).toBe("203.0.113.7");
  });

  it("reads X-Real-IP only behind a trusted proxy", () => {
    expect(clientIp({ "x-real-ip": "203.0.113.9" }, true)).toBe("203.0.113.9");
    expect(clientIp({ "x-real-ip": "203.0.113.9" }, false)).toBeNull();
  });

  it("unwraps IPv4-mapped IPv6 addresses", () => {
    expect(clientIp({ "x-forwarded-for": "::ffff:127.0.0.1" }, false)).toBe("127.0.0.1");
  });

  it("keys IPv6 clients by their /64 prefix", () => {
    expect(clientIp({ "x-forwarded-for": "2001:db8:85a3:1:aaaa:bbbb:cccc:dddd" }, false)).toBe("2001:db8:85a3:1::/64");
    expect(clientIp({ "x-forwarded-for": "2001:db8:85a3:1::42" }, false)).toBe("2001:db8:85a3:1::/64");
    expect(clientIp({ "x-forwarded-for": "2001:db8::1" }, false)).toBe("2001:db8:0:0::/64");
    expect(clientIp({ "x-forwarded-for": "::1" }, false)).toBe("0:0:0:0::/64");
    expect(clientIp({ "x-forwarded-for": "[2001:DB8:0:7::1]" }, false)).toBe("2001:db8:0:7::/64");
  });

  it("returns null rather than a shared bucket when there is no usable address", () => {
    expect(clientIp({}, true)).toBeNull();
    expect(clientIp({ "x-forwarded-for": "unknown" }, true)).toBeNull();
    expect(clientIp({ "x-forwarded-for": "" }, false)).toBeNull();
    expect(clientIp({ "x-forwarded-for": "999.1.1.1" }, false)).toBeNull();
  });
});
