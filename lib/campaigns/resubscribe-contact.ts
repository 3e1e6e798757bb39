import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { contactIdFromUnsubscribeToken } from "@/lib/campaigns/unsubscribe";
import type { Db } from "@/lib/prisma-client";

// Undoing an unsubscribe from its confirmation page, with the same signed token: idempotent,
// recorded in the file's history like the unsubscribe itself.
export async function resubscribeContact(db: Db, token: string): Promise<boolean> {
  const contactId = contactIdFromUnsubscribeToken(token);
  if (!contactId) return false;
  return db.$transaction(async (tx) => {
    const contact = await tx.contact.findUnique({ where: { id: contactId }, select: { id: true, unsubscribedAt: true, prospectId: true } });
    if (!contact) return false;
    if (contact.unsubscribedAt) {
      await tx.contact.update({ where: { id: contact.id }, data: { unsubscribedAt: null } });
      await recordAudit(tx, {
        entityType: "Contact",
        entityId: contact.id,
        prospectId: contact.prospectId,
        actorId: null,
        action: "UPDATE",
        changes: { unsubscribedAt: { from: contact.unsubscribedAt.toISOString(), to: null } },
      });
    }
    return true;
  });
}
