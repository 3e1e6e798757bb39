import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, securityHeaders } from "@/lib/security/headers";

describe("security headers", () => {
  it("gives pages a nonce-based, strict-dynamic CSP that forbids plugins, base changes and framing", () => {
    const headers = securityHeaders({ nonce: "abc123", pathname: "/prospects", https: false, development: false });
    const csp = headers["Content-Security-Policy"];
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["Permissions-Policy"]).toBe("camera=(), microphone=(), geolocation=()");
    expect(headers["Strict-Transport-Security"]).toBeUndefined();
  });

  it("adds HSTS under https only", () => {
    const headers = securityHeaders({ nonce: "n", pathname: "/", https: true, development: false });
    expect(headers["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
  });

  it("sends no referrer from the token pages and the API", () => {
    for (const pathname of ["/onboarding/abc", "/acces/abc", "/acces", "/api/attachments/x"]) {
      expect(securityHeaders({ nonce: "n", pathname, https: false, development: false })["Referrer-Policy"], pathname).toBe("no-referrer");
    }
  });

  it("sandboxes API responses", () => {
    const csp = securityHeaders({ nonce: "n", pathname: "/api/quotes/1/pdf", https: false, development: false })["Content-Security-Policy"];
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("sandbox");
  });

  it("makes a fresh, unguessable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 50 }, () => createNonce()));
    expect(nonces.size).toBe(50);
    expect(createNonce()).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it("allows eval only for next dev", () => {
    expect(contentSecurityPolicy({ nonce: "n", development: true })).toContain("'unsafe-eval'");
  });
});
