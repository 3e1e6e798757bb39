// API keys of the financing platform: 32 random bytes, shown once; only their SHA-256 is kept,
// with a short visible prefix so admins can tell keys apart.
import { createHash, randomBytes } from "node:crypto";

export const API_KEY_TAG = "crm_";
const PREFIX_LENGTH = API_KEY_TAG.length + 8;

export type GeneratedApiKey = { key: string; prefix: string; keyHash: string };

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

export function generateApiKey(): GeneratedApiKey {
  const key = `${API_KEY_TAG}${randomBytes(32).toString("base64url")}`;
  return { key, prefix: key.slice(0, PREFIX_LENGTH), keyHash: hashApiKey(key) };
}

// The key of an `Authorization: Bearer <key>` header, or null when the header is absent or
// has another shape.
export function bearerToken(header: string | null | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer[ \t]+([A-Za-z0-9_\-]{16,200})[ \t]*$/i.exec(header);
  return match?.[1] ?? null;
}
