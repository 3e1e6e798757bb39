// « Partenaires »: partner organisations and their agreement. An organisation is never deleted
// (its prospects stay, visible to the internal team); deactivating it signs all its users out.
import "server-only";
import { recordAuthEvent } from "@/lib/accounts/auth-log";
import type { CreatePartnerValues, UpdatePartnerValues } from "@/lib/accounts/schemas";
import { createAgreementVersion } from "@/lib/agreements/create-agreement-version";
import type { Actor } from "@/lib/auth/actor";
import { revokePartnerSessions } from "@/lib/auth/server-session";
import { diffForAudit, recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/prisma-client";

export const PARTNER_AUDIT_ENTITY = "Partner";
export const PARTNER_SIREN_TAKEN_MESSAGE = "Une organisation partenaire existe déjà avec ce SIREN.";

const EDITABLE = ["name", "siren", "street", "postalCode", "city", "contactEmail"] as const;

async function assertSirenFree(db: Pick<Db, "partner">, siren: string | null, exceptId?: string): Promise<void> {
  if (!siren) return;
  const taken = await db.partner.findFirst({ where: { siren, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (taken) throw new AppError("CONFLICT", PARTNER_SIREN_TAKEN_MESSAGE, { siren: [PARTNER_SIREN_TAKEN_MESSAGE] });
}

export async function createPartnerOrganisation(db: Db, actor: Actor, values: CreatePartnerValues): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    await assertSirenFree(tx, values.siren);
    const partner = await tx.partner.create({
      data: { name: values.name, siren: values.siren, street: values.street, postalCode: values.postalCode, city: values.city, contactEmail: values.contactEmail },
      select: { id: true },
    });
    await recordAudit(tx, {
      entityType: PARTNER_AUDIT_ENTITY,
      entityId: partner.id,
      actorId: actor.id,
      action: "CREATE",
      changes: Object.fromEntries(EDITABLE.map((field) => [field, values[field]])),
    });
    await createAgreementVersion(tx, partner.id, values, actor.id);
    return partner;
  });
}

export async function updatePartnerOrganisation(db: Db, actor: Actor, values: UpdatePartnerValues): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.partner.findUnique({ where: { id: values.id }, select: { id: true, name: true, siren: true, street: true, postalCode: true, city: true, contactEmail: true } });
    if (!before) throw new AppError("NOT_FOUND");
    const changes = diffForAudit(before, values, EDITABLE);
    if (!changes) return;
    if (values.siren !== before.siren) await assertSirenFree(tx, values.siren, values.id);
    await tx.partner.update({
      where: { id: values.id },
      data: { name: values.name, siren: values.siren, street: values.street, postalCode: values.postalCode, city: values.city, contactEmail: values.contactEmail },
      select: { id: true },
    });
    await recordAudit(tx, { entityType: PARTNER_AUDIT_ENTITY, entityId: values.id, actorId: actor.id, action: "UPDATE", changes });
  });
}

// Deactivating ends every session of the organisation's users at once; they cannot sign in
// again until it is reactivated (the per-request check and sign-in both read the flag).
export async function setPartnerActive(db: Db, actor: Actor, partnerId: string, active: boolean): Promise<{ closedSessions: number }> {
  return db.$transaction(async (tx) => {
    const partner = await tx.partner.findUnique({ where: { id: partnerId }, select: { active: true } });
    if (!partner) throw new AppError("NOT_FOUND");
    if (partner.active === active) return { closedSessions: 0 };
    await tx.partner.update({ where: { id: partnerId }, data: { active }, select: { id: true } });
    const closedSessions = active ? 0 : await revokePartnerSessions(tx, partnerId);
    await recordAudit(tx, { entityType: PARTNER_AUDIT_ENTITY, entityId: partnerId, actorId: actor.id, action: "UPDATE", changes: { active: { from: !active, to: active } } });
    await recordAuthEvent(tx, { kind: active ? "PARTNER_REACTIVATED" : "PARTNER_DEACTIVATED", actorId: actor.id, details: { partnerId, closedSessions } });
    return { closedSessions };
  });
}
