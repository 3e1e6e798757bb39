// Checks an e-mail and password for the Credentials provider. Every refusal looks the same
// from outside (message and time), and repeated failures are throttled per account and per IP.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { actorSelect, toActiveActor } from "@/lib/auth/load-actor";
import { hashPassword, needsRehash, verifyDummyPassword, verifyPassword } from "@/lib/auth/password";
import { loginSchema } from "@/lib/auth/schemas";
import { consumeRecoveryCode, consumeTotpCode } from "@/lib/accounts/totp";
import { verifyDeviceCookie } from "@/lib/auth/device-cookie";
import { getEnv } from "@/lib/env";
import {
  accountThrottleKey,
  deviceThrottleKey,
  clearThrottle,
  getThrottleBlock,
  ipThrottleKey,
  pruneThrottle,
  recordFailedSignIn,
  throttlePolicyFromEnv,
  type ThrottlePolicy,
} from "@/lib/auth/throttle";
import type { Db } from "@/lib/prisma-client";

export type CredentialsInput = {
  email: unknown;
  password: unknown;
  ip: string | null;
  // The second-factor code (TOTP or recovery code), once the form has asked for it.
  code?: unknown;
  // The browser's device cookie, if any (lib/auth/device-cookie.ts).
  deviceCookie?: string | null;
};

export type AuthorizeResult =
  | { status: "ok"; actor: Actor; usedRecoveryCode?: boolean }
  | { status: "invalid" }
  | { status: "mfa_required" }
  | { status: "mfa_invalid" }
  | { status: "throttled"; retryAfterSeconds: number };

export async function authorizeCredentials(
  input: CredentialsInput,
  db?: Db,
  options: { policy?: ThrottlePolicy } = {},
): Promise<AuthorizeResult> {
  const client = db ?? (await import("@/lib/db")).db;
  const policy = options.policy ?? throttlePolicyFromEnv();

  const parsed = loginSchema.safeParse({ email: input.email, password: input.password });
  if (!parsed.success) return { status: "invalid" };
  const { email, password } = parsed.data;

  // A browser this account signed in from before is counted under its own key instead of the
  // account's: strangers' failures (which block the account key) do not lock the owner out.
  const deviceId = verifyDeviceCookie(input.deviceCookie, email, getEnv().NEXTAUTH_SECRET);
  const accountKey = deviceId ? deviceThrottleKey(deviceId) : accountThrottleKey(email);
  const keys = input.ip ? [accountKey, ipThrottleKey(input.ip)] : [accountKey];

  // Refused before any hashing: a blocked key costs the server nothing.
  const block = await getThrottleBlock(client, keys);
  if (block) return { status: "throttled", retryAfterSeconds: block.retryAfterSeconds };

  // citext makes this lookup case-insensitive. The client omits the hash by default.
  const user = await client.user.findUnique({
    where: { email },
    select: { ...actorSelect, passwordHash: true, totpEnabledAt: true },
  });

  // An unknown e-mail still pays for one verification, so timing does not reveal accounts;
  // an inactive account is checked only after its password, for the same reason.
  // An invited user without a password yet (empty hash) costs the same as an unknown e-mail.
  const passwordOk = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : await verifyDummyPassword(password);
  const actor = passwordOk ? toActiveActor(user) : null;

  if (!actor || !user) {
    await recordFailedSignIn(client, keys, policy);
    return { status: "invalid" };
  }

  // Second factor: asked for once the password is right; a wrong code counts as a failure.
  let usedRecoveryCode = false;
  if (user.totpEnabledAt) {
    const code = typeof input.code === "string" ? input.code.trim().slice(0, 40) : "";
    if (!code) return { status: "mfa_required" };
    const totpOk = await consumeTotpCode(client, user.id, code, { requireEnabled: true });
    usedRecoveryCode = !totpOk && (await consumeRecoveryCode(client, user.id, code));
    if (!totpOk && !usedRecoveryCode) {
      await recordFailedSignIn(client, keys, policy);
      return { status: "mfa_invalid" };
    }
  }

  // The IP counter is not cleared: signing in to one's own account must not buy an attacker
  // fresh guesses against others from the same address.
  await clearThrottle(client, accountKey);
  await client.user.update({
    where: { id: user.id },
    data: {
      lastLoginAt: new Date(),
      ...(needsRehash(user.passwordHash) ? { passwordHash: await hashPassword(password) } : {}),
    },
    select: { id: true },
  });
  await pruneThrottle(client, policy);
  return { status: "ok", actor, ...(usedRecoveryCode ? { usedRecoveryCode } : {}) };
}
