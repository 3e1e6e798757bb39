import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { prospectScope } from "@/lib/auth/scope";
import { recordAudit } from "@/lib/audit/record";
import { appUrl, getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { ProspectStatus } from "@/lib/generated/prisma/enums";
import { enqueueEmail } from "@/lib/mail/outbox";
import { notifySalesTeam } from "@/lib/notifications/notify";
import type { DbClient } from "@/lib/prisma-client";
import { renderReadyAlertEmail } from "@/lib/onboarding/emails";
import { requireFavoriteRecipient, sendOnboardingLink } from "@/lib/onboarding/send-link";

export type MarkReadyResult =
  | { alreadyReady: true; readyAt: Date }
  | { alreadyReady: false; readyAt: Date; onboardingLinkId: string; alertEmailId: string; clientEmailId: string };

type LockedRow = { status: ProspectStatus; readyAt: Date | null; writtenHere: boolean };

// « Prêt à démarrer », inside the caller's transaction: status and readyAt, history, an in-app
// alert for every SALES and MANAGER user, an e-mail to the sales inbox, a new onboarding link
// for the favourite contact and the e-mail that carries it. All or nothing: a missing
// favourite e-mail throws before anything is written, and the caller's rollback undoes the rest.
//
// Exactly once per READY_TO_START period, whoever calls and however often: the prospect row is
// locked (SELECT … FOR UPDATE), so a second transaction waits for the first to commit and then
// finds it READY_TO_START with a readyAt, and returns { alreadyReady: true } without writing.
// A caller may set status itself before calling (its own UPDATE in this same transaction):
// the row's xmin then names this transaction, which tells "the caller just moved it here" from
// "another transaction already did". The prospect's `version` is left to the caller's own
// optimistic-lock update, so calling this first never breaks that check.
export async function markReadyToStart(
  tx: DbClient,
  { prospectId, actor, now = new Date() }: { prospectId: string; actor: Actor; now?: Date },
): Promise<MarkReadyResult> {
  const inScope = await tx.prospect.findFirst({ where: { AND: [{ id: prospectId }, prospectScope(actor)] }, select: { id: true } });
  if (!inScope) throw new AppError("NOT_FOUND");

  const [locked] = await tx.$queryRaw<LockedRow[]>`
    SELECT "status", "readyAt",
           ("xmin"::text = (pg_current_xact_id_if_assigned()::text::numeric % 4294967296)::text) AS "writtenHere"
    FROM "Prospect" WHERE "id" = ${prospectId} FOR UPDATE`;
  if (!locked) throw new AppError("NOT_FOUND");
  if (locked.status === "READY_TO_START" && locked.readyAt && !locked.writtenHere) {
    return { alreadyReady: true, readyAt: locked.readyAt };
  }

  // Checked before any write, so a refusal leaves nothing behind even if the caller swallows it.
  const favorite = await requireFavoriteRecipient(tx, prospectId);
  const prospect = await tx.prospect.findUniqueOrThrow({
    where: { id: prospectId },
    select: {
      id: true,
      name: true,
      siren: true,
      city: true,
      partner: { select: { name: true } },
      createdBy: { select: { name: true } },
    },
  });

  await tx.prospect.update({ where: { id: prospectId }, data: { status: "READY_TO_START", readyAt: now } });
  // The caller's own audit covers a status it wrote itself; this one covers what it did not.
  const statusChanged = locked.status !== "READY_TO_START";
  await recordAudit(tx, {
    entityType: "Prospect",
    entityId: prospectId,
    prospectId,
    actorId: actor.id,
    action: "UPDATE",
    changes: {
      ...(statusChanged ? { status: { from: locked.status, to: "READY_TO_START" } } : {}),
      readyAt: { from: locked.readyAt?.toISOString() ?? null, to: now.toISOString() },
    },
  });

  const readyKey = now.toISOString();
  await notifySalesTeam(tx, {
    kind: "PROSPECT_READY",
    title: `Dossier prêt à démarrer : ${prospect.name}`,
    body: `${prospect.partner ? `Apporté par ${prospect.partner.name}. ` : ""}Contact : ${favorite.name}.`,
    link: "/dossiers-prets",
    dedupeKeyPrefix: `ready:${prospectId}:${readyKey}`,
  });

  const base = appUrl();
  const alert = renderReadyAlertEmail({
    appUrl: base,
    prospect,
    partnerName: prospect.partner?.name ?? null,
    referredBy: prospect.createdBy?.name ?? null,
    contact: favorite,
    readyAt: now,
  });
  const alertEmail = await enqueueEmail(tx, {
    dedupeKey: `ready-alert:${prospectId}:${readyKey}`,
    to: [getEnv().SALES_INBOX_EMAIL],
    ...alert,
  });

  const link = await sendOnboardingLink(tx, {
    prospectId,
    companyName: prospect.name,
    contact: favorite,
    actorId: actor.id,
    now,
  });
  return {
    alreadyReady: false,
    readyAt: now,
    onboardingLinkId: link.linkId,
    alertEmailId: alertEmail.id,
    clientEmailId: link.emailId,
  };
}
