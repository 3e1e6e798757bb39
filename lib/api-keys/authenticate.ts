import "server-only";
import { bearerToken, hashApiKey } from "@/lib/api-keys/keys";
import type { DbClient } from "@/lib/prisma-client";

// lastUsedAt is informative: written at most once a minute per key, not on every call.
const LAST_USED_RESOLUTION_MS = 60_000;

export type ApiClient = { keyId: string; name: string };

// The caller behind `Authorization: Bearer <key>`, or null for a missing, unknown or revoked key.
export async function authenticateApiKey(db: DbClient, authorization: string | null): Promise<ApiClient | null> {
  const token = bearerToken(authorization);
  if (!token) return null;
  const key = await db.apiKey.findUnique({
    where: { keyHash: hashApiKey(token) },
    select: { id: true, name: true, revokedAt: true },
  });
  if (!key || key.revokedAt) return null;
  const now = new Date();
  await db.apiKey.updateMany({
    where: {
      id: key.id,
      OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }],
    },
    data: { lastUsedAt: now },
  });
  return { keyId: key.id, name: key.name };
}
