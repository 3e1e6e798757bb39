import "server-only";
import { signUnsubscribeToken, verifyUnsubscribeToken } from "@/lib/campaigns/unsubscribe-token";
import { appUrl, getEnv } from "@/lib/env";

// The session secret signs unsubscribe links too (under a derived key): rotating it voids the
// links of messages already sent, which then lead to the neutral « page introuvable ».
export function unsubscribeUrl(contactId: string): string {
  return `${appUrl()}/desabonnement/${signUnsubscribeToken(contactId, getEnv().NEXTAUTH_SECRET)}`;
}

export function contactIdFromUnsubscribeToken(token: string): string | null {
  return verifyUnsubscribeToken(token, getEnv().NEXTAUTH_SECRET);
}
