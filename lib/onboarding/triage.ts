import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { prospectScope } from "@/lib/auth/scope";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import type { ProspectStage } from "@/lib/generated/prisma/enums";
import { notifyUsers } from "@/lib/notifications/notify";
import type { Db, DbClient } from "@/lib/prisma-client";
import { PROSPECT_STAGE_LABELS } from "@/lib/prospects/labels";
import { requireFavoriteRecipient, sendOnboardingLink } from "@/lib/onboarding/send-link";

// The roles a file can be assigned to: the reps whose statistics it feeds.
export const ASSIGNABLE_ROLES = ["SALES", "MANAGER"] as const;

// Triage is for the internal team; anyone else is told the file does not exist, like a record
// outside their scope (DESIGN.md §1).
function assertTriage(actor: Actor): void {
  if (!can(actor.role, "alert:triage")) throw new AppError("NOT_FOUND");
}

// Locks the prospect for the rest of the transaction, so two clicks (or two colleagues) act
// one after the other and the second sees what the first did.
async function lockProspect(tx: DbClient, actor: Actor, prospectId: string) {
  const found = await tx.prospect.findFirst({ where: { AND: [{ id: prospectId }, prospectScope(actor)] }, select: { id: true } });
  if (!found) throw new AppError("NOT_FOUND");
  await tx.$queryRaw`SELECT 1 FROM "Prospect" WHERE "id" = ${prospectId} FOR UPDATE`;
  return tx.prospect.findUniqueOrThrow({
    where: { id: prospectId },
    select: { id: true, name: true, status: true, stage: true, ownerId: true },
  });
}

// « Renvoyer le lien »: voids every unused link of the prospect, creates a new one and queues
// its e-mail to the favourite contact, in one transaction.
export async function resendOnboardingLink(
  db: Db,
  actor: Actor,
  prospectId: string,
  now: Date = new Date(),
): Promise<{ linkId: string; emailId: string; revoked: number; expiresAt: Date }> {
  assertTriage(actor);
  return db.$transaction(async (tx) => {
    const prospect = await lockProspect(tx, actor, prospectId);
    if (prospect.status !== "READY_TO_START") {
      throw new AppError("VALIDATION", "Ce dossier n'est pas « Prêt à démarrer » : aucun lien ne peut être envoyé.");
    }
    const contact = await requireFavoriteRecipient(tx, prospectId);
    return sendOnboardingLink(tx, { prospectId, companyName: prospect.name, contact, actorId: actor.id, now });
  });
}

// « M'attribuer » / assign to a rep: ownerId is an active SALES or MANAGER user, or the actor.
export async function assignProspect(
  db: Db,
  actor: Actor,
  input: { prospectId: string; ownerId: string },
): Promise<{ ownerId: string; changed: boolean }> {
  assertTriage(actor);
  return db.$transaction(async (tx) => {
    const prospect = await lockProspect(tx, actor, input.prospectId);
    const owner = await tx.user.findFirst({
      where: {
        id: input.ownerId,
        active: true,
        ...(input.ownerId === actor.id ? {} : { role: { in: [...ASSIGNABLE_ROLES] } }),
      },
      select: { id: true, name: true },
    });
    if (!owner) {
      const message = "Choisissez un commercial actif.";
      throw new AppError("VALIDATION", message, { ownerId: [message] });
    }
    if (prospect.ownerId === owner.id) return { ownerId: owner.id, changed: false };

    await tx.prospect.update({ where: { id: prospect.id }, data: { ownerId: owner.id } });
    await recordAudit(tx, {
      entityType: "Prospect",
      entityId: prospect.id,
      prospectId: prospect.id,
      actorId: actor.id,
      action: "UPDATE",
      changes: { ownerId: { from: prospect.ownerId, to: owner.id } },
    });
    if (owner.id !== actor.id) {
      await notifyUsers(tx, {
        userIds: [owner.id],
        kind: "ASSIGNMENT",
        title: `Dossier attribué : ${prospect.name}`,
        body: `${actor.name} vous a attribué ce dossier prêt à démarrer.`,
        link: `/prospects/${prospect.id}`,
      });
    }
    return { ownerId: owner.id, changed: true };
  });
}

// The only moves the inbox offers: PROSPECT → ONBOARDING (« Passer en inscription »), then
// ONBOARDING → CLIENT (« Passer en client »).
const PREVIOUS_STAGE: Partial<Record<ProspectStage, ProspectStage>> = {
  ONBOARDING: "PROSPECT",
  CLIENT: "ONBOARDING",
};

export async function moveProspectStage(
  db: Db,
  actor: Actor,
  input: { prospectId: string; stage: ProspectStage },
): Promise<{ stage: ProspectStage }> {
  assertTriage(actor);
  const from = PREVIOUS_STAGE[input.stage];
  if (!from) throw new AppError("VALIDATION", "Cette étape ne peut pas être choisie ici.");
  return db.$transaction(async (tx) => {
    const prospect = await lockProspect(tx, actor, input.prospectId);
    // A second click, or a colleague who was quicker: the move is already done.
    if (prospect.stage === input.stage) return { stage: prospect.stage };
    if (prospect.stage !== from) {
      throw new AppError(
        "CONFLICT",
        `Le dossier est à l'étape « ${PROSPECT_STAGE_LABELS[prospect.stage]} » : il ne peut pas passer en « ${PROSPECT_STAGE_LABELS[input.stage]} ». Rechargez la page.`,
      );
    }
    await tx.prospect.update({ where: { id: prospect.id }, data: { stage: input.stage } });
    await recordAudit(tx, {
      entityType: "Prospect",
      entityId: prospect.id,
      prospectId: prospect.id,
      actorId: actor.id,
      action: "UPDATE",
      changes: { stage: { from: prospect.stage, to: input.stage } },
    });
    return { stage: input.stage };
  });
}
