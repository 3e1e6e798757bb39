// The private calendar feed's token: 32 random bytes in base64url, shown once in the feed URL;
// the database keeps only its SHA-256 (User.calendarFeedTokenHash), so a leaked table opens no feed.
import { createHash, randomBytes } from "node:crypto";

const TOKEN_BYTES = 32;
// 32 bytes in unpadded base64url are exactly 43 characters.
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export type FeedToken = { token: string; tokenHash: string };

export function generateFeedToken(): FeedToken {
  const token = randomBytes(TOKEN_BYTES).toString("base64url");
  return { token, tokenHash: hashFeedToken(token) };
}

// Lowercase hex, 64 characters.
export function hashFeedToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

// Cheap shape check before touching the database.
export function isWellFormedFeedToken(value: unknown): value is string {
  return typeof value === "string" && TOKEN_PATTERN.test(value);
}
