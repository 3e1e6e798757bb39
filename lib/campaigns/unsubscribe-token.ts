// Signed unsubscribe tokens: `<contactId>.<HMAC-SHA256(contactId)>`, so a link can only
// unsubscribe the contact it was sent to, and needs no table. No server-only import (pure,
// unit-tested); the secret comes from lib/campaigns/unsubscribe.ts.
import { createHmac, timingSafeEqual } from "node:crypto";

// Its own key derived from the app secret: a token of this kind can never be mistaken for, or
// help forge, anything else signed with that secret.
function derivedKey(secret: string): Buffer {
  return createHmac("sha256", secret).update("crm:campaign-unsubscribe:v1").digest();
}

function mac(contactId: string, secret: string): string {
  return createHmac("sha256", derivedKey(secret)).update(contactId).digest("base64url");
}

const CONTACT_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function signUnsubscribeToken(contactId: string, secret: string): string {
  if (!CONTACT_ID.test(contactId)) throw new Error("signUnsubscribeToken: invalid contact id");
  return `${contactId}.${mac(contactId, secret)}`;
}

// The contact id the token was signed for, or null for anything tampered with or malformed.
export function verifyUnsubscribeToken(token: string, secret: string): string | null {
  const dot = token.indexOf(".");
  if (dot <= 0 || token.length > 200) return null;
  const contactId = token.slice(0, dot);
  const given = token.slice(dot + 1);
  if (!CONTACT_ID.test(contactId) || !/^[A-Za-z0-9_-]+$/.test(given)) return null;
  const expected = Buffer.from(mac(contactId, secret));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  return contactId;
}
