import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { lookupReferenceNames } from "@/lib/references/lookup-names";
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
  uploadedById: true,
} satisfies Prisma.AttachmentSelect;

export type AttachmentRow = Omit<Prisma.AttachmentGetPayload<{ select: typeof listSelect }>, "uploadedById"> & {
  uploadedBy: { id: string; name: string } | null;
};

// The « Pièces jointes » of a prospect the actor can see, newest first. Who uploaded them is
// read only when someone did (a client's documents have no uploader): no `IN (NULL)` query.
export async function listAttachments(actor: Actor, prospectId: string, db: DbClient = defaultDb): Promise<AttachmentRow[]> {
  const rows = await db.attachment.findMany({
    where: { AND: [{ prospectId }, visibleAttachmentsWhere(actor)] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: listSelect,
  });
  const names = await lookupReferenceNames(db, { users: rows.map((r) => r.uploadedById) });
  return rows.map(({ uploadedById, ...row }) => {
    const name = uploadedById ? names.users.get(uploadedById) : undefined;
    return { ...row, uploadedBy: uploadedById && name !== undefined ? { id: uploadedById, name } : null };
  });
}

// One attachment for download, or null when missing or out of the actor's scope (both 404).
export async function findAttachmentForActor(actor: Actor, id: string, db: DbClient = defaultDb) {
  return db.attachment.findFirst({
    where: { AND: [{ id }, visibleAttachmentsWhere(actor)] },
    select: { id: true, prospectId: true, fileName: true, mimeType: true, sizeBytes: true, storageKey: true },
  });
}
