import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { canEditAttachments, visibleAttachmentsWhere } from "@/lib/attachments/policy";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/prisma-client";
import { getStorage, type Storage } from "@/lib/storage";

// Removes an attachment the actor can see: row and audit event in one transaction, then the
// stored file once that has committed. Were the file deletion to fail, the file is an orphan
// the sweeper removes; the reverse order could leave a row pointing at nothing.
export async function deleteAttachment(
  db: Db,
  actor: Actor,
  id: string,
  options: { storage?: Storage } = {},
): Promise<{ prospectId: string }> {
  const removed = await db.$transaction(async (tx) => {
    const attachment = await tx.attachment.findFirst({
      where: { AND: [{ id }, visibleAttachmentsWhere(actor)] },
      select: { id: true, prospectId: true, fileName: true, category: true, mimeType: true, sizeBytes: true, storageKey: true },
    });
    if (!attachment) throw new AppError("NOT_FOUND", "Ce document n'existe pas ou a déjà été supprimé.");
    if (!canEditAttachments(actor)) throw new AppError("FORBIDDEN");
    // deleteMany: a concurrent deletion makes this a no-op instead of an exception.
    const { count } = await tx.attachment.deleteMany({ where: { id: attachment.id } });
    if (count === 0) throw new AppError("NOT_FOUND", "Ce document n'existe pas ou a déjà été supprimé.");
    await recordAudit(tx, {
      entityType: "Attachment",
      entityId: attachment.id,
      prospectId: attachment.prospectId,
      actorId: actor.id,
      action: "DELETE",
      changes: {
        fileName: attachment.fileName,
        category: attachment.category,
        mimeType: attachment.mimeType,
        sizeBytes: attachment.sizeBytes,
      },
    });
    return attachment;
  });

  const storage = options.storage ?? getStorage();
  await storage.delete(removed.storageKey).catch((error: unknown) => {
    console.error("Stored file of a deleted attachment could not be removed; the sweeper will", error);
  });
  return { prospectId: removed.prospectId };
}
