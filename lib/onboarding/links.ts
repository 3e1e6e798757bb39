import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { getEnv } from "@/lib/env";
import type { DbClient } from "@/lib/prisma-client";
import { isLinkUsable } from "@/lib/onboarding/state";
import { generateOnboardingToken, hashOnboardingToken, isWellFormedToken } from "@/lib/onboarding/token";

const HOUR_MS = 3_600_000;

export type CreatedOnboardingLink = {
  id: string;
  expiresAt: Date;
  // The raw token, for the e-mail only: it is returned once and never stored.
  token: string;
};

// Creates a link for the client's contact; expiry from ONBOARDING_LINK_TTL_HOURS.
export async function createOnboardingLink(
  tx: DbClient,
  input: { prospectId: string; contactId: string | null; email: string; createdById: string | null; now?: Date },
): Promise<CreatedOnboardingLink> {
  const now = input.now ?? new Date();
  const { token, tokenHash } = generateOnboardingToken();
  const link = await tx.onboardingLink.create({
    data: {
      prospectId: input.prospectId,
      contactId: input.contactId,
      tokenHash,
      sentToEmail: input.email,
      expiresAt: new Date(now.getTime() + getEnv().ONBOARDING_LINK_TTL_HOURS * HOUR_MS),
      createdById: input.createdById,
      createdAt: now,
    },
    select: { id: true, expiresAt: true },
  });
  return { ...link, token };
}

// Voids every link of the prospect the client has not used yet: only the newest may work.
export async function revokeUnusedLinks(tx: DbClient, prospectId: string, now: Date = new Date()): Promise<number> {
  const { count } = await tx.onboardingLink.updateMany({
    where: { prospectId, usedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  return count;
}

// The one failure every invalid token or session gets, whatever the cause.
export type LinkLookup = { ok: true; linkId: string } | { ok: false };

// Swaps a token from the e-mail for its link id, marking the link opened the first time. The
// lookup is by hash (an indexed equality on a SHA-256), so timing says nothing about the token.
export async function redeemToken(db: DbClient, token: unknown, now: Date = new Date()): Promise<LinkLookup> {
  if (!isWellFormedToken(token)) return { ok: false };
  const link = await db.onboardingLink.findUnique({
    where: { tokenHash: hashOnboardingToken(token) },
    select: { id: true, prospectId: true, expiresAt: true, openedAt: true, usedAt: true, revokedAt: true },
  });
  if (!link || !isLinkUsable(link, now)) return { ok: false };
  if (!link.openedAt) {
    await inTransaction(db, async (tx) => {
      const { count } = await tx.onboardingLink.updateMany({ where: { id: link.id, openedAt: null }, data: { openedAt: now } });
      // Only the first opening is history; a concurrent one found the stamp already set.
      if (count === 1) {
        await recordAudit(tx, {
          entityType: "OnboardingLink",
          entityId: link.id,
          prospectId: link.prospectId,
          actorId: null,
          action: "UPDATE",
          changes: { openedAt: { from: null, to: now.toISOString() } },
        });
      }
    });
  }
  return { ok: true, linkId: link.id };
}

// What the onboarding page shows: the prospect's data as the platform knows it, prefilled
// for the client to check. Null for any link that no longer lets the client in.
export async function findUsableLink(db: DbClient, linkId: string, now: Date = new Date()) {
  const link = await db.onboardingLink.findUnique({
    where: { id: linkId },
    select: {
      id: true,
      expiresAt: true,
      openedAt: true,
      usedAt: true,
      revokedAt: true,
      sentToEmail: true,
      prospect: {
        select: {
          id: true,
          name: true,
          legalName: true,
          siren: true,
          street: true,
          postalCode: true,
          city: true,
        },
      },
      contact: { select: { firstName: true, lastName: true, mobilePhone: true, landlinePhone: true, email: true } },
    },
  });
  if (!link || !isLinkUsable(link, now)) return null;
  return link;
}

export type UsableLink = NonNullable<Awaited<ReturnType<typeof findUsableLink>>>;

// A client opens its own transaction; a transaction passed in is simply used.
async function inTransaction<T>(db: DbClient, fn: (tx: DbClient) => Promise<T>): Promise<T> {
  if ("$transaction" in db && typeof db.$transaction === "function") return db.$transaction((tx) => fn(tx));
  return fn(db);
}
