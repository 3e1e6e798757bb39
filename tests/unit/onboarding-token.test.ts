import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateOnboardingToken, hashOnboardingToken, isWellFormedToken } from "@/lib/onboarding/token";

describe("onboarding tokens", () => {
  it("are 32 random bytes in unpadded base64url", () => {
    const { token } = generateOnboardingToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
  });

  it("come with the SHA-256 hex of the token, which is all the database keeps", () => {
    const { token, tokenHash } = generateOnboardingToken();
    expect(tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenHash).not.toContain(token);
    expect(hashOnboardingToken(token)).toBe(tokenHash);
  });

  it("never repeat", () => {
    const tokens = new Set(Array.from({ length: 500 }, () => generateOnboardingToken().token));
    expect(tokens.size).toBe(500);
  });

  it("hash the same token the same way and different tokens differently", () => {
    expect(hashOnboardingToken("a".repeat(43))).toBe(hashOnboardingToken("a".repeat(43)));
    expect(hashOnboardingToken("a".repeat(43))).not.toBe(hashOnboardingToken("b".repeat(43)));
  });

  it.each([
    ["", false],
    ["a".repeat(42), false],
    ["a".repeat(44), false],
    [`${"a".repeat(42)}=`, false],
    [`${"a".repeat(42)}/`, false],
    ["../../etc/passwd".padEnd(43, "a"), false],
    [undefined, false],
    [42, false],
    ["A-_z".padEnd(43, "0"), true],
  ])("recognise well-formed tokens (%j → %s)", (value, expected) => {
    expect(isWellFormedToken(value)).toBe(expected);
  });
});
