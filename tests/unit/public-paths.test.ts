import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { isPublicPath } from "@/lib/auth/public-paths";
import { config } from "@/proxy";

const PATHS: Array<[string, boolean]> = [
  ["/", false],
  ["/prospects", false],
  ["/prospects/ckx1", false],
  ["/loginx", false],
  ["/apiary", false],
  ["/onboardingx", false],
  ["/login", true],
  ["/login/reset", true],
  ["/api/auth/session", true],
  ["/api", true],
  ["/_next/static/chunks/app.js", true],
  ["/onboarding/abc123", true],
  ["/acces/abc123", true],
  ["/acces", true],
  ["/mot-de-passe-oublie", true],
  ["/accesx", false],
  ["/favicon.ico", true],
  ["/robots.txt", true],
  ["/images/logo.png", true],
];

describe("public paths", () => {
  it.each(PATHS)("%s is public: %s", (path, expected) => {
    expect(isPublicPath(path)).toBe(expected);
  });

  // The proxy's matcher must be a literal for Next.js, so it is compiled here with Next.js's own
  // code: every path but the build assets goes through the proxy (for the security headers),
  // public or not; the run-time rule above decides which need a session.
  it("sends every path but the build assets through the proxy", () => {
    const require = createRequire(import.meta.url);
    const { getMiddlewareMatchers } = require("next/dist/build/analysis/get-page-static-info.js") as {
      getMiddlewareMatchers: (matcher: unknown, nextConfig: unknown) => Array<{ regexp: string }>;
    };
    const matchers = getMiddlewareMatchers(config.matcher, { basePath: "", i18n: null });
    for (const [path] of PATHS) {
      const proxied = matchers.some((m) => new RegExp(m.regexp).test(path));
      expect(proxied, path).toBe(!path.startsWith("/_next/static/"));
    }
  });
});
