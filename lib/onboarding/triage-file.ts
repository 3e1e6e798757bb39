import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { visibleAttachmentsWhere } from "@/lib/attachments/policy";
import { ATTACHMENT_CATEGORY_LABELS } from "@/lib/attachments/labels";
import { prospectScope } from "@/lib/auth/scope";
import { db as defaultDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { DbClient } from "@/lib/prisma-client";

export type TriageFileDocument = { id: string; fileName: string; category: string; createdAt: Date };

// What the triage side panel shows beyond the row: the file's identity and the documents the
// client sent through its onboarding link(s).
export type TriageFile = {
  id: string;
  siren: string | null;
  city: string | null;
  submittedAt: Date | null;
  documents: TriageFileDocument[];
};

export async function findTriageFile(actor: Actor, prospectId: string, db: DbClient = defaultDb): Promise<TriageFile> {
  const prospect = await db.prospect.findFirst({
    where: { AND: [prospectScope(actor), { id: prospectId }] },
    select: {
      id: true,
      siren: true,
      city: true,
      onboardingLinks: {
        where: { usedAt: { not: null } },
        orderBy: { usedAt: "desc" },
        take: 1,
        select: { usedAt: true },
      },
    },
  });
  if (!prospect) throw new AppError("NOT_FOUND", "Dossier introuvable.");
  const documents = await db.attachment.findMany({
    where: { AND: [{ prospectId, onboardingLinkId: { not: null } }, visibleAttachmentsWhere(actor)] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, fileName: true, category: true, createdAt: true },
  });
  return {
    id: prospect.id,
    siren: prospect.siren,
    city: prospect.city,
    submittedAt: prospect.onboardingLinks[0]?.usedAt ?? null,
    documents: documents.map((doc) => ({ ...doc, category: ATTACHMENT_CATEGORY_LABELS[doc.category] })),
  };
}
