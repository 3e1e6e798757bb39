import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { campaignSenderName } from "@/lib/campaigns/generate-actions";
import type { SkipReason } from "@/lib/campaigns/labels";
import { assertCanManageCampaigns, lockCampaign } from "@/lib/campaigns/policy";
import { resolveRecipients } from "@/lib/campaigns/recipients";
import { renderCampaignEmail } from "@/lib/campaigns/render";
import { AppError } from "@/lib/errors";
import { enqueueEmail } from "@/lib/mail/outbox";
import type { Db } from "@/lib/prisma-client";

export type SendResult = {
  // Messages queued by this click (0 on a second click: they were queued by the first).
  queued: number;
  // Pending actions whose file lost its usable contact since step 4: left pending, not sent.
  notSent: { actionId: string; prospectName: string; reason: SkipReason }[];
};

const SEND_TIMEOUT_MS = 120_000;

// Each action's message has its own dedupe key: whatever retries, races or crashes happen, the
// outbox holds at most one message per action, hence per recipient.
export function campaignDedupeKey(actionId: string): string {
  return `campaign:${actionId}`;
}

// « Envoyer tout »: one outbox e-mail per pending action, all in one transaction; the worker
// delivers them and marks each action done. A second click finds nothing left to queue.
export async function sendCampaign(db: Db, actor: Actor, campaignId: string): Promise<SendResult> {
  assertCanManageCampaigns(actor);
  return db.$transaction(
    async (tx) => {
      await lockCampaign(tx, campaignId);
      const campaign = await tx.campaign.findUniqueOrThrow({
        where: { id: campaignId },
        select: { id: true, status: true, subjectTemplate: true, bodyTemplate: true, createdById: true, sentAt: true },
      });
      if (campaign.status === "DRAFT") {
        throw new AppError("VALIDATION", "Enregistrez d'abord les actions de la campagne (étape 4).");
      }
      const actions = await tx.action.findMany({
        where: { campaignId: campaign.id, done: false, outboxEmails: { none: {} } },
        orderBy: { id: "asc" },
        select: { id: true, prospect: { select: { id: true, name: true } } },
      });
      const resolutions = await resolveRecipients(tx, [...new Set(actions.map((a) => a.prospect.id))]);
      const senderName = await campaignSenderName(tx, campaign.createdById, actor);
      const result: SendResult = { queued: 0, notSent: [] };
      for (const action of actions) {
        const resolution = resolutions.get(action.prospect.id);
        if (!resolution) continue;
        if (!resolution.ok) {
          result.notSent.push({ actionId: action.id, prospectName: action.prospect.name, reason: resolution.reason });
          continue;
        }
        const { recipient } = resolution;
        const email = renderCampaignEmail(campaign, recipient, senderName);
        const queued = await enqueueEmail(tx, {
          dedupeKey: campaignDedupeKey(action.id),
          to: [{ address: recipient.email, name: `${recipient.firstName} ${recipient.lastName}` }],
          subject: email.subject,
          html: email.html,
          text: email.text,
          actionId: action.id,
        });
        if (queued.created) result.queued += 1;
      }
      await tx.campaign.update({
        where: { id: campaign.id },
        data: { status: "SENDING", sentAt: campaign.sentAt ?? new Date() },
      });
      return result;
    },
    { timeout: SEND_TIMEOUT_MS, maxWait: 10_000 },
  );
}

// « Retirer »: a pending action leaves the campaign (deleted, with its audit event); once its
// message is queued it is no longer the campaign's to take back.
export async function removeCampaignAction(db: Db, actor: Actor, campaignId: string, actionId: string): Promise<{ id: string }> {
  assertCanManageCampaigns(actor);
  return db.$transaction(async (tx) => {
    await lockCampaign(tx, campaignId);
    const action = await tx.action.findFirst({
      where: { id: actionId, campaignId, done: false, outboxEmails: { none: {} } },
      select: { id: true, prospectId: true, subject: true, type: { select: { name: true } } },
    });
    if (!action) {
      throw new AppError("NOT_FOUND", "Cette action n'est plus en attente : elle a peut-être déjà été envoyée ou retirée.");
    }
    await tx.action.delete({ where: { id: action.id } });
    await recordAudit(tx, {
      entityType: "Action",
      entityId: action.id,
      prospectId: action.prospectId,
      actorId: actor.id,
      action: "DELETE",
      changes: { type: action.type.name, subject: action.subject },
    });
    return { id: action.id };
  });
}

export type CampaignPreview =
  | { ok: true; to: string; subject: string; html: string; text: string; queued: boolean }
  | { ok: false; reason: SkipReason; subject: string };

// « Aperçu »: the message as queued if it was, else as « Envoyer tout » would write it now.
export async function previewCampaignAction(db: Db, actor: Actor, campaignId: string, actionId: string): Promise<CampaignPreview> {
  assertCanManageCampaigns(actor);
  const action = await db.action.findFirst({
    where: { id: actionId, campaignId },
    select: {
      id: true,
      subject: true,
      prospectId: true,
      campaign: { select: { subjectTemplate: true, bodyTemplate: true, createdById: true } },
      outboxEmails: { select: { toAddresses: true, subject: true, html: true, text: true }, orderBy: { createdAt: "asc" }, take: 1 },
    },
  });
  if (!action || !action.campaign) throw new AppError("NOT_FOUND", "Cette action n'appartient plus à la campagne.");
  const queued = action.outboxEmails[0];
  if (queued) return { ok: true, to: queued.toAddresses.join(", "), subject: queued.subject, html: queued.html, text: queued.text, queued: true };
  const resolution = (await resolveRecipients(db, [action.prospectId])).get(action.prospectId);
  if (!resolution) throw new AppError("NOT_FOUND");
  if (!resolution.ok) return { ok: false, reason: resolution.reason, subject: action.subject };
  const senderName = await campaignSenderName(db, action.campaign.createdById, actor);
  const email = renderCampaignEmail(action.campaign, resolution.recipient, senderName);
  return { ok: true, to: resolution.recipient.email, subject: email.subject, html: email.html, text: email.text, queued: false };
}
