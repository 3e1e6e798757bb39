// Checks an e-mail and password for the Credentials provider. Every refusal looks the same
// from outside (message and time), and repeated failures are throttled per account and per IP.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { actorSelect, toActiveActor } from "@/lib/auth/load-actor";
import { hashPassword, needsRehash, verifyDummyPassword, verifyPassword } from "@/lib/auth/password";
import { loginSchema } from "@/lib/auth/schemas";
import {
  accountThrottleKey,
  clearThrottle,
  getThrottleBlock,
  ipThrottleKey,
  pruneThrottle,
  recordFailedSignIn,
  throttlePolicyFromEnv,
  type ThrottlePolicy,
} from "@/lib/auth/throttle";
import type { Db } from "@/lib/prisma-client";

export type CredentialsInput = { email: unknown; password: unknown; ip: string | null };

export type AuthorizeResult =
  | { status: "ok"; actor: Actor }
  | { status: "invalid" }
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

  const accountKey = accountThrottleKey(email);
  const keys = input.ip ? [accountKey, ipThrottleKey(input.ip)] : [accountKey];

  // Refused before any hashing: a blocked key costs the server nothing.
  const block = await getThrottleBlock(client, keys);
  if (block) return { status: "throttled", retryAfterSeconds: block.retryAfterSeconds };

  // citext makes this lookup case-insensitive. The client omits the hash by default.
  const user = await client.user.findUnique({
    where: { email },
    select: { ...actorSelect, passwordHash: true },
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
  return { status: "ok", actor };
}
