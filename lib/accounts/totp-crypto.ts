// Encryption at rest of TOTP secrets: AES-256-GCM with a key derived (HKDF-SHA256) from
// NEXTAUTH_SECRET, so a copy of the database alone does not yield anyone's second factor.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const VERSION = "v1";

function key(appSecret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", appSecret, "crm-totp", "totp-secret-encryption-v1", 32));
}

export function encryptTotpSecret(base32: string, appSecret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(appSecret), iv);
  const ciphertext = Buffer.concat([cipher.update(base32, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), ciphertext.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
}

// Null when the value was tampered with or made with another app secret.
export function decryptTotpSecret(value: string, appSecret: string): string | null {
  const [version, iv, ciphertext, tag] = value.split(".");
  if (version !== VERSION || !iv || !ciphertext || !tag) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(appSecret), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
