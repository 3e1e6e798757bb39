import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { contactIdFromUnsubscribeToken } from "@/lib/campaigns/unsubscribe";
import type { Db, DbClient } from "@/lib/prisma-client";

export type UnsubscribeTarget = { contactId: string; email: string | null; unsubscribedAt: Date | null };

// The contact a link is for, or null (bad signature, contact deleted): the page then answers 404
// without saying which.
export async function findUnsubscribeTarget(db: DbClient, token: string): Promise<UnsubscribeTarget | null> {
  const contactId = contactIdFromUnsubscribeToken(token);
  if (!contactId) return null;
  const contact = await db.contact.findUnique({ where: { id: contactId }, select: { id: true, email: true, unsubscribedAt: true } });
  return contact ? { contactId: contact.id, email: contact.email, unsubscribedAt: contact.unsubscribedAt } : null;
}

// The confirmation POST: idempotent (the first date is kept), recorded in the file's history.
export async function unsubscribeContact(db: Db, token: string): Promise<UnsubscribeTarget | null> {
  const contactId = contactIdFromUnsubscribeToken(token);
  if (!contactId) return null;
  return db.$transaction(async (tx) => {
    const at = new Date();
    const { count } = await tx.contact.updateMany({ where: { id: contactId, unsubscribedAt: null }, data: { unsubscribedAt: at } });
    const contact = await tx.contact.findUnique({
      where: { id: contactId },
      select: { id: true, email: true, unsubscribedAt: true, prospectId: true },
    });
    if (!contact) return null;
    if (count > 0) {
      await recordAudit(tx, {
        entityType: "Contact",
        entityId: contact.id,
        prospectId: contact.prospectId,
        actorId: null,
        action: "UPDATE",
        changes: { unsubscribedAt: { from: null, to: at.toISOString() } },
      });
    }
    return { contactId: contact.id, email: contact.email, unsubscribedAt: contact.unsubscribedAt };
  });
}
