// The client's single-use onboarding token: 32 random bytes, sent once in the e-mail and
// never stored or logged; the database keeps only its SHA-256, so a leaked table opens nothing.
import { createHash, randomBytes } from "node:crypto";

const TOKEN_BYTES = 32;
// 32 bytes in unpadded base64url are exactly 43 characters.
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export type OnboardingToken = { token: string; tokenHash: string };

export function generateOnboardingToken(): OnboardingToken {
  const token = randomBytes(TOKEN_BYTES).toString("base64url");
  return { token, tokenHash: hashOnboardingToken(token) };
}

// Lowercase hex, 64 characters: what OnboardingLink.tokenHash holds.
export function hashOnboardingToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

// Cheap shape check before touching the database: anything else cannot be one of ours.
export function isWellFormedToken(value: unknown): value is string {
  return typeof value === "string" && TOKEN_PATTERN.test(value);
}
