// The unsubscribe link: signed for one contact, refused when anything in it changes, and its page
// reachable without signing in.
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { isPublicPath } from "@/lib/auth/public-paths";
import { signUnsubscribeToken, verifyUnsubscribeToken } from "@/lib/campaigns/unsubscribe-token";
import { config } from "@/proxy";

const SECRET = "un-secret-de-test-de-plus-de-32-caracteres";
const CONTACT = "cmabc123def456ghi789";

describe("unsubscribe token", () => {
  it("verifies to the contact it was signed for", () => {
    const token = signUnsubscribeToken(CONTACT, SECRET);
    expect(token.startsWith(`${CONTACT}.`)).toBe(true);
    expect(token).toMatch(/^[A-Za-z0-9_.-]+$/);
    expect(verifyUnsubscribeToken(token, SECRET)).toBe(CONTACT);
  });

  it("is refused when the contact, the signature or the secret differs", () => {
    const token = signUnsubscribeToken(CONTACT, SECRET);
    const [, signature] = token.split(".");
    const flipped = signature!.startsWith("A") ? `B${signature!.slice(1)}` : `A${signature!.slice(1)}`;
    expect(verifyUnsubscribeToken(`${CONTACT}.${flipped}`, SECRET)).toBeNull();
    expect(verifyUnsubscribeToken(`cmautrecontact000000.${signature}`, SECRET)).toBeNull();
    expect(verifyUnsubscribeToken(`${CONTACT}.${signature!.slice(0, -1)}`, SECRET)).toBeNull();
    expect(verifyUnsubscribeToken(token, `${SECRET}-autre`)).toBeNull();
    // A signature for one contact does not sign another.
    expect(signUnsubscribeToken("cmautrecontact000000", SECRET).split(".")[1]).not.toBe(signature);
  });

  it("is refused when malformed", () => {
    for (const bad of ["", ".", CONTACT, `${CONTACT}.`, `.${CONTACT}`, `${CONTACT}.a.b`, `a b.c`, `${"x".repeat(300)}.y`]) {
      expect(verifyUnsubscribeToken(bad, SECRET), bad).toBeNull();
    }
    expect(() => signUnsubscribeToken("pas un id", SECRET)).toThrow();
  });

  it("does not sign with the raw secret (a derived key)", async () => {
    const { createHmac } = await import("node:crypto");
    const raw = createHmac("sha256", SECRET).update(CONTACT).digest("base64url");
    expect(signUnsubscribeToken(CONTACT, SECRET)).not.toBe(`${CONTACT}.${raw}`);
  });
});

describe("unsubscribe page", () => {
  // The proxy runs on every path (it sets the security headers); isPublicPath decides which ones
  // need no session.
  it("is public in the run-time rule, and goes through the proxy for its headers", () => {
    const paths: Array<[string, boolean]> = [
      ["/desabonnement/abc.def", true],
      ["/desabonnement", true],
      ["/desabonnementx", false],
      ["/campagnes", false],
    ];
    const require = createRequire(import.meta.url);
    const { getMiddlewareMatchers } = require("next/dist/build/analysis/get-page-static-info.js") as {
      getMiddlewareMatchers: (matcher: unknown, nextConfig: unknown) => Array<{ regexp: string }>;
    };
    const matchers = getMiddlewareMatchers(config.matcher, { basePath: "", i18n: null });
    for (const [path, isPublic] of paths) {
      expect(isPublicPath(path), path).toBe(isPublic);
      expect(matchers.some((m) => new RegExp(m.regexp).test(path)), path).toBe(true);
    }
  });
});
