import "server-only";
import { diffForAudit, recordAudit, snapshotForAudit, type AuditChanges } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import type { DbClient } from "@/lib/prisma-client";
import type { ContactFormData } from "@/lib/prospects/prospect-form-schema";

export const CONTACT_AUDIT_FIELDS = [
  "civility",
  "lastName",
  "firstName",
  "jobTitle",
  "mobilePhone",
  "landlinePhone",
  "email",
  "isFavorite",
] as const;

export const STALE_CONTACT_MESSAGE = "Un contact de ce prospect a été supprimé entre-temps. Rechargez la page.";

type ContactRow = { id: string } & Record<(typeof CONTACT_AUDIT_FIELDS)[number], unknown>;

// Exactly one favourite whenever there are contacts: the one marked (the first marked, if
// several), else the first contact.
export function favoriteIndex(contacts: readonly { isFavorite: boolean }[]): number {
  if (contacts.length === 0) return -1;
  const marked = contacts.findIndex((c) => c.isFavorite);
  return marked === -1 ? 0 : marked;
}

function contactData(contact: ContactFormData) {
  return {
    civility: contact.civility,
    lastName: contact.lastName,
    firstName: contact.firstName,
    jobTitle: contact.jobTitle,
    mobilePhone: contact.mobilePhone,
    landlinePhone: contact.landlinePhone,
    email: contact.email,
  };
}

// Brings the prospect's contacts to the submitted list (create / update / delete), with one
// audit event per changed contact. Runs in the save transaction after the prospect row is
// locked, so two saves never interleave here. The favourite is cleared before being set again,
// because the partial unique index allows one favourite per prospect at every step.
export async function saveContacts(
  tx: DbClient,
  { prospectId, actorId, contacts }: { prospectId: string; actorId: string; contacts: ContactFormData[] },
): Promise<void> {
  const existing: ContactRow[] = await tx.contact.findMany({
    where: { prospectId },
    select: { id: true, civility: true, lastName: true, firstName: true, jobTitle: true, mobilePhone: true, landlinePhone: true, email: true, isFavorite: true },
  });
  const byId = new Map(existing.map((c) => [c.id, c]));
  for (const contact of contacts) {
    if (contact.id && !byId.has(contact.id)) throw new AppError("CONFLICT", STALE_CONTACT_MESSAGE);
  }
  const favorite = favoriteIndex(contacts);
  const kept = new Set(contacts.map((c) => c.id).filter((id): id is string => Boolean(id)));
  const audit = (entityId: string, action: "CREATE" | "UPDATE" | "DELETE", changes: AuditChanges) =>
    recordAudit(tx, { entityType: "Contact", entityId, prospectId, actorId, action, changes });

  for (const row of existing) {
    if (kept.has(row.id)) continue;
    await tx.contact.delete({ where: { id: row.id } });
    await audit(row.id, "DELETE", snapshotForAudit(row, CONTACT_AUDIT_FIELDS));
  }

  await tx.contact.updateMany({ where: { prospectId, isFavorite: true }, data: { isFavorite: false } });

  let favoriteId: string | null = null;
  for (const [index, contact] of contacts.entries()) {
    const data = contactData(contact);
    const isFavorite = index === favorite;
    const before = contact.id ? byId.get(contact.id) : undefined;
    let id: string;
    if (before) {
      id = before.id;
      await tx.contact.update({ where: { id }, data });
      const changes = diffForAudit(before, { ...data, isFavorite }, CONTACT_AUDIT_FIELDS);
      if (changes) await audit(id, "UPDATE", changes);
    } else {
      const created = await tx.contact.create({ data: { ...data, prospectId }, select: { id: true } });
      id = created.id;
      await audit(id, "CREATE", snapshotForAudit({ ...data, isFavorite }, CONTACT_AUDIT_FIELDS));
    }
    if (isFavorite) favoriteId = id;
  }

  if (favoriteId) await tx.contact.update({ where: { id: favoriteId }, data: { isFavorite: true } });
}
