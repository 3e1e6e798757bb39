// Invitation (72 h) and reset (1 h) links: 32 random bytes sent once by e-mail, only their SHA-256
// stored (the onboarding token's rules). Issuing a new link voids the user's previous ones.
import "server-only";
import { generateOnboardingToken, hashOnboardingToken, isWellFormedToken } from "@/lib/onboarding/token";
import type { AccountTokenKind } from "@/lib/generated/prisma/enums";
import type { DbClient } from "@/lib/prisma-client";

export const ACCOUNT_TOKEN_TTL_HOURS: Record<AccountTokenKind, number> = { INVITATION: 72, PASSWORD_RESET: 1 };

export async function issueAccountToken(
  tx: DbClient,
  input: { userId: string; kind: AccountTokenKind; createdById: string | null },
  now: Date = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  // Any open link of the user, invitation or reset, stops working: only the latest one counts.
  await tx.accountToken.updateMany({ where: { userId: input.userId, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
  const { token, tokenHash } = generateOnboardingToken();
  const expiresAt = new Date(now.getTime() + ACCOUNT_TOKEN_TTL_HOURS[input.kind] * 3600 * 1000);
  await tx.accountToken.create({
    data: { userId: input.userId, kind: input.kind, tokenHash, expiresAt, createdById: input.createdById },
    select: { id: true },
  });
  return { token, expiresAt };
}

const USABLE_SELECT = { id: true, kind: true, userId: true, expiresAt: true, user: { select: { email: true, name: true, active: true } } } as const;

// The link row behind a token, if it can still be used (not used, voided or expired; user active).
export async function findUsableTokenByToken(db: DbClient, token: string, now: Date = new Date()) {
  if (!isWellFormedToken(token)) return null;
  return usable(await db.accountToken.findUnique({ where: { tokenHash: hashOnboardingToken(token) }, select: { ...USABLE_SELECT, usedAt: true, revokedAt: true } }), now);
}

export async function findUsableTokenById(db: DbClient, id: string, now: Date = new Date()) {
  return usable(await db.accountToken.findUnique({ where: { id }, select: { ...USABLE_SELECT, usedAt: true, revokedAt: true } }), now);
}

function usable<T extends { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date; user: { active: boolean } }>(row: T | null, now: Date): T | null {
  if (!row || row.usedAt || row.revokedAt || row.expiresAt <= now || !row.user.active) return null;
  return row;
}
