import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { visibleAttachmentsWhere } from "@/lib/attachments/policy";
import { db as defaultDb } from "@/lib/db";
import type { DbClient } from "@/lib/prisma-client";

const listSelect = {
  id: true,
  fileName: true,
  category: true,
  mimeType: true,
  sizeBytes: true,
  createdAt: true,
  onboardingLinkId: true,
  uploadedBy: { select: { id: true, name: true } },
} satisfies Prisma.AttachmentSelect;

export type AttachmentRow = Prisma.AttachmentGetPayload<{ select: typeof listSelect }>;

// The « Pièces jointes » of a prospect the actor can see, newest first.
export async function listAttachments(actor: Actor, prospectId: string, db: DbClient = defaultDb): Promise<AttachmentRow[]> {
  return db.attachment.findMany({
    where: { AND: [{ prospectId }, visibleAttachmentsWhere(actor)] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: listSelect,
  });
}

// One attachment for download, or null when missing or out of the actor's scope (both 404).
export async function findAttachmentForActor(actor: Actor, id: string, db: DbClient = defaultDb) {
  return db.attachment.findFirst({
    where: { AND: [{ id }, visibleAttachmentsWhere(actor)] },
    select: { id: true, prospectId: true, fileName: true, mimeType: true, sizeBytes: true, storageKey: true },
  });
}
