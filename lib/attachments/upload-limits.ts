import "server-only";
import { getEnv } from "@/lib/env";
import type { DbClient } from "@/lib/prisma-client";

// Per uploader (a user, or a client's onboarding link) at most UPLOAD_RATE_LIMIT files per
// UPLOAD_RATE_WINDOW_SECONDS, and per prospect at most UPLOAD_PROSPECT_QUOTA_MB in all: counted
// from the stored rows, so every app instance applies the same limits.
export async function checkUploadAllowance(
  db: DbClient,
  input: { prospectId: string; uploadedById: string | null; onboardingLinkId: string | null; sizeBytes: number },
  now = new Date(),
): Promise<string | null> {
  const env = getEnv();
  const uploader = input.uploadedById
    ? { uploadedById: input.uploadedById }
    : input.onboardingLinkId
      ? { onboardingLinkId: input.onboardingLinkId }
      : null;
  const [recent, used] = await Promise.all([
    uploader
      ? db.attachment.count({
          where: { ...uploader, createdAt: { gt: new Date(now.getTime() - env.UPLOAD_RATE_WINDOW_SECONDS * 1000) } },
        })
      : Promise.resolve(0),
    db.attachment.aggregate({ where: { prospectId: input.prospectId }, _sum: { sizeBytes: true } }),
  ]);
  if (recent >= env.UPLOAD_RATE_LIMIT) {
    const minutes = Math.ceil(env.UPLOAD_RATE_WINDOW_SECONDS / 60);
    return `Trop de fichiers envoyés : ${env.UPLOAD_RATE_LIMIT} au plus en ${minutes} minutes. Réessayez un peu plus tard.`;
  }
  const quotaBytes = env.UPLOAD_PROSPECT_QUOTA_MB * 1024 * 1024;
  if ((used._sum.sizeBytes ?? 0) + input.sizeBytes > quotaBytes) {
    return `Espace de ce dossier épuisé : ${env.UPLOAD_PROSPECT_QUOTA_MB} Mo de pièces jointes au plus. Supprimez des documents inutiles.`;
  }
  return null;
}
