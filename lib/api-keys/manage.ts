import "server-only";
import { generateApiKey } from "@/lib/api-keys/keys";
import { AppError } from "@/lib/errors";
import type { DbClient } from "@/lib/prisma-client";

export type ApiKeyRow = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdBy: { name: string } | null;
};

export async function listApiKeys(db: DbClient): Promise<ApiKeyRow[]> {
  return db.apiKey.findMany({
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: {
      id: true,
      name: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      createdBy: { select: { name: true } },
    },
  });
}

// The secret is in the return value only: it is not stored, so it cannot be shown again.
export async function createApiKey(
  db: DbClient,
  input: { name: string; createdById: string | null },
): Promise<{ id: string; name: string; prefix: string; key: string }> {
  const { key, prefix, keyHash } = generateApiKey();
  const row = await db.apiKey.create({
    data: { name: input.name, prefix, keyHash, createdById: input.createdById },
    select: { id: true, name: true, prefix: true },
  });
  return { ...row, key };
}

// Idempotent: revoking a revoked key keeps its first revocation time.
export async function revokeApiKey(db: DbClient, id: string): Promise<{ revokedAt: Date }> {
  const key = await db.apiKey.findUnique({ where: { id }, select: { revokedAt: true } });
  if (!key) throw new AppError("NOT_FOUND", "Cette clé n'existe plus.");
  if (key.revokedAt) return { revokedAt: key.revokedAt };
  const revokedAt = new Date();
  await db.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt } });
  return { revokedAt };
}
