// Server-side sessions (one row per sign-in). The JWT cookie only carries the row's id, so
// signing out, deactivating a user or changing a password ends a session at once, even if
// its cookie was copied elsewhere.
import "server-only";
import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { toActiveActor } from "@/lib/auth/load-actor";
import { getEnv } from "@/lib/env";
import type { Role } from "@/lib/generated/prisma/enums";
import { parseTablePreferencesMap, type TablePreferencesMap } from "@/lib/table-preferences/preferences";
import type { DbClient } from "@/lib/prisma-client";

export type SessionPolicy = {
  // Sliding idle timeout: the session ends this long after the last request.
  idleSeconds: number;
  // Absolute lifetime from sign-in.
  absoluteSeconds: number;
};

// lastSeenAt is written at most this often, so page views do not each cost a write.
export const LAST_SEEN_RESOLUTION_SECONDS = 60;

const USER_AGENT_MAX_LENGTH = 400;

export function sessionPolicyFromEnv(): SessionPolicy {
  const env = getEnv();
  return { idleSeconds: env.SESSION_MAX_AGE, absoluteSeconds: env.SESSION_ABSOLUTE_MAX_AGE };
}

export async function createSession(
  db: DbClient,
  input: { userId: string; ip: string | null; userAgent: string | null },
  policy: SessionPolicy,
): Promise<{ id: string; expiresAt: Date }> {
  // 32 random bytes: the id is a bearer secret inside the signed JWT, never guessable.
  const id = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + policy.absoluteSeconds * 1000);
  await db.session.create({
    data: {
      id,
      userId: input.userId,
      expiresAt,
      ip: input.ip,
      userAgent: input.userAgent ? input.userAgent.slice(0, USER_AGENT_MAX_LENGTH) : null,
    },
    select: { id: true },
  });
  return { id, expiresAt };
}

type SessionActorRow = {
  userId: string;
  email: string;
  name: string;
  role: Role;
  partnerId: string | null;
  userActive: boolean;
  partnerActive: boolean | null;
  lastSeenAt: Date;
  staleLastSeen: boolean;
  mfaEnrolled: boolean;
  tablePreferences: unknown;
};

// tablePreferences: the user's list layouts, read here so they cost no query of their own.
export type SessionState = { actor: Actor; mfaEnrolled: boolean; tablePreferences: TablePreferencesMap };

// The per-request check: the session row and its user (and the organisation's active flag only
// when the user has one) in one query on the primary key. Expired (idle or absolute), revoked,
// or a user who may no longer act: null.
export async function loadSessionActor(db: DbClient, sessionId: string, userId: string, policy: SessionPolicy): Promise<Actor | null> {
  return (await loadSessionState(db, sessionId, userId, policy))?.actor ?? null;
}

export async function loadSessionState(db: DbClient, sessionId: string, userId: string, policy: SessionPolicy): Promise<SessionState | null> {
  if (!sessionId || !userId) return null;
  const rows = await db.$queryRaw<SessionActorRow[]>`
    SELECT u."id" AS "userId", u."email"::text AS "email", u."name", u."role"::text AS "role", u."partnerId",
           u."active" AS "userActive", p."active" AS "partnerActive", s."lastSeenAt",
           s."lastSeenAt" < now() - make_interval(secs => ${LAST_SEEN_RESOLUTION_SECONDS}::float8) AS "staleLastSeen",
           u."totpEnabledAt" IS NOT NULL AS "mfaEnrolled", u."tablePreferences"
    FROM "Session" s
    JOIN "User" u ON u."id" = s."userId"
    LEFT JOIN "Partner" p ON p."id" = u."partnerId"
    WHERE s."id" = ${sessionId}
      AND s."userId" = ${userId}
      AND s."revokedAt" IS NULL
      AND s."expiresAt" > now()
      AND s."lastSeenAt" > now() - make_interval(secs => ${policy.idleSeconds}::float8)`;
  const row = rows[0];
  if (!row) return null;
  const actor = toActiveActor({
    id: row.userId,
    email: row.email,
    name: row.name,
    role: row.role,
    partnerId: row.partnerId,
    active: row.userActive,
    partner: row.partnerId ? { active: row.partnerActive ?? false } : null,
  });
  if (!actor) return null;
  if (row.staleLastSeen) {
    await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { lastSeenAt: new Date() } });
  }
  return { actor, mfaEnrolled: row.mfaEnrolled, tablePreferences: parseTablePreferencesMap(row.tablePreferences) };
}

export async function revokeSession(db: DbClient, sessionId: string, userId?: string): Promise<boolean> {
  const { count } = await db.session.updateMany({
    where: { id: sessionId, revokedAt: null, ...(userId ? { userId } : {}) },
    data: { revokedAt: new Date() },
  });
  return count > 0;
}

// Deactivation, password change or reset, « Fermer toutes les sessions »: every open session of
// the user ends (but the one given in `except`, e.g. the browser changing its own password).
export async function revokeUserSessions(db: DbClient, userId: string, options: { except?: string } = {}): Promise<number> {
  const { count } = await db.session.updateMany({
    where: { userId, revokedAt: null, ...(options.except ? { id: { not: options.except } } : {}) },
    data: { revokedAt: new Date() },
  });
  return count;
}

// All users of an organisation, when it is deactivated.
export async function revokePartnerSessions(db: DbClient, partnerId: string): Promise<number> {
  const { count } = await db.session.updateMany({
    where: { revokedAt: null, user: { partnerId } },
    data: { revokedAt: new Date() },
  });
  return count;
}

export async function listActiveSessions(db: DbClient, userId: string, policy: SessionPolicy) {
  const idleLimit = new Date(Date.now() - policy.idleSeconds * 1000);
  return db.session.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: new Date() }, lastSeenAt: { gt: idleLimit } },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, createdAt: true, lastSeenAt: true, ip: true, userAgent: true },
  });
}
