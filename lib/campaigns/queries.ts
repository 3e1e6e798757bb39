import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { CampaignActionState, SkipReason } from "@/lib/campaigns/labels";
import { assertCanManageCampaigns } from "@/lib/campaigns/policy";
import {
  addToProgress,
  campaignActionState,
  EMPTY_PROGRESS,
  effectiveCampaignStatus,
  type CampaignProgress,
} from "@/lib/campaigns/progress";
import { resolveRecipients } from "@/lib/campaigns/recipients";
import { readStoredFilter, type StoredCampaignFilter } from "@/lib/campaigns/stored-filter";
import { AppError } from "@/lib/errors";
import type { CampaignStatus } from "@/lib/generated/prisma/enums";
import type { DbClient } from "@/lib/prisma-client";

async function progressByCampaign(db: DbClient, campaignIds: string[]): Promise<Map<string, CampaignProgress>> {
  const map = new Map<string, CampaignProgress>();
  if (campaignIds.length === 0) return map;
  const rows = await db.$queryRaw<{ campaignId: string; state: CampaignActionState; n: number }[]>`
    SELECT s."campaignId", s."state", count(*)::int AS "n"
    FROM (
      SELECT a."campaignId",
        CASE
          WHEN bool_or(o."status" = 'SENT') THEN 'SENT'
          WHEN bool_or(o."status" IN ('PENDING', 'SENDING')) THEN 'QUEUED'
          WHEN bool_or(o."status" = 'FAILED') THEN 'FAILED'
          WHEN a."done" THEN 'DONE'
          ELSE 'PENDING'
        END AS "state"
      FROM "Action" a
      LEFT JOIN "OutboxEmail" o ON o."actionId" = a."id"
      WHERE a."campaignId" = ANY(${campaignIds})
      GROUP BY a."id"
    ) s
    GROUP BY s."campaignId", s."state"`;
  for (const row of rows) {
    map.set(row.campaignId, addToProgress(map.get(row.campaignId) ?? EMPTY_PROGRESS, row.state, row.n));
  }
  return map;
}

export type CampaignListRow = {
  id: string;
  name: string;
  status: CampaignStatus;
  createdAt: Date;
  sentAt: Date | null;
  createdByName: string | null;
  progress: CampaignProgress;
};

// « Campagnes »: newest first, each with its progress.
export async function listCampaigns(db: DbClient, actor: Actor): Promise<CampaignListRow[]> {
  assertCanManageCampaigns(actor);
  const campaigns = await db.campaign.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, name: true, status: true, createdAt: true, sentAt: true, createdBy: { select: { name: true } } },
  });
  const progress = await progressByCampaign(
    db,
    campaigns.map((c) => c.id),
  );
  return campaigns.map((c) => {
    const p = progress.get(c.id) ?? EMPTY_PROGRESS;
    return {
      id: c.id,
      name: c.name,
      status: effectiveCampaignStatus(c.status, p),
      createdAt: c.createdAt,
      sentAt: c.sentAt,
      createdByName: c.createdBy?.name ?? null,
      progress: p,
    };
  });
}

export type CampaignDetail = {
  id: string;
  name: string;
  subjectTemplate: string;
  bodyTemplate: string;
  // As stored (DRAFT, GENERATED, SENDING) and as shown (SENDING reads SENT once all is delivered).
  storedStatus: CampaignStatus;
  status: CampaignStatus;
  filter: StoredCampaignFilter;
  actionType: { id: string; name: string } | null;
  createdByName: string | null;
  createdAt: Date;
  sentAt: Date | null;
  progress: CampaignProgress;
};

export async function getCampaignOrThrow(db: DbClient, actor: Actor, campaignId: string): Promise<CampaignDetail> {
  assertCanManageCampaigns(actor);
  const campaign = await db.campaign.findUnique({
    where: { id: campaignId },
    select: {
      id: true,
      name: true,
      subjectTemplate: true,
      bodyTemplate: true,
      status: true,
      filter: true,
      createdAt: true,
      sentAt: true,
      actionType: { select: { id: true, name: true } },
      createdBy: { select: { name: true } },
    },
  });
  if (!campaign) throw new AppError("NOT_FOUND", "Cette campagne n'existe pas ou a été supprimée.");
  const progress = (await progressByCampaign(db, [campaign.id])).get(campaign.id) ?? EMPTY_PROGRESS;
  return {
    id: campaign.id,
    name: campaign.name,
    subjectTemplate: campaign.subjectTemplate,
    bodyTemplate: campaign.bodyTemplate,
    storedStatus: campaign.status,
    status: effectiveCampaignStatus(campaign.status, progress),
    filter: readStoredFilter(campaign.filter),
    actionType: campaign.actionType,
    createdByName: campaign.createdBy?.name ?? null,
    createdAt: campaign.createdAt,
    sentAt: campaign.sentAt,
    progress,
  };
}

export type CampaignActionRow = {
  id: string;
  prospect: { id: string; name: string };
  subject: string;
  state: CampaignActionState;
  // Who « Envoyer tout » would write to now, or why it cannot (for rows not sent yet); the
  // address the message went to once it is queued.
  recipient: { email: string; name: string } | { skipReason: SkipReason } | null;
  lastError: string | null;
};

// The outbox keeps RFC 5322 mailboxes (`"Camille Martin" <camille@x.fr>`): shown as name and address.
function mailboxParts(mailbox: string): { email: string; name: string } {
  const match = /^"((?:[^"\\]|\\.)*)" <([^>]+)>$/.exec(mailbox);
  return match ? { name: match[1]!.replace(/\\(.)/g, "$1"), email: match[2]! } : { name: "", email: mailbox };
}

export const CAMPAIGN_ACTIONS_PER_PAGE = 50;

// Step 5's table: the campaign's actions in file order, one page of them when `paging` is given
// (a campaign can reach thousands of recipients).
export async function listCampaignActions(
  db: DbClient,
  actor: Actor,
  campaignId: string,
  paging?: { page: number; perPage: number },
): Promise<CampaignActionRow[]> {
  assertCanManageCampaigns(actor);
  const actions = await db.action.findMany({
    where: { campaignId },
    orderBy: [{ prospect: { name: "asc" } }, { id: "asc" }],
    ...(paging ? { skip: (paging.page - 1) * paging.perPage, take: paging.perPage } : {}),
    select: {
      id: true,
      subject: true,
      done: true,
      prospect: { select: { id: true, name: true } },
      outboxEmails: { select: { status: true, toAddresses: true, lastError: true }, orderBy: { createdAt: "asc" } },
    },
  });
  const unsent = actions.filter((a) => a.outboxEmails.length === 0).map((a) => a.prospect.id);
  const resolutions = await resolveRecipients(db, [...new Set(unsent)]);
  return actions.map((action) => {
    const state = campaignActionState({ done: action.done, outboxStatuses: action.outboxEmails.map((o) => o.status) });
    const queued = action.outboxEmails[0];
    let recipient: CampaignActionRow["recipient"] = null;
    if (queued) recipient = mailboxParts(queued.toAddresses[0] ?? "");
    else {
      const resolution = resolutions.get(action.prospect.id);
      if (resolution?.ok) {
        recipient = {
          email: resolution.recipient.email,
          name: `${resolution.recipient.firstName} ${resolution.recipient.lastName}`.trim(),
        };
      } else if (resolution) recipient = { skipReason: resolution.reason };
    }
    return {
      id: action.id,
      prospect: action.prospect,
      subject: action.subject,
      state,
      recipient,
      lastError: state === "FAILED" ? (action.outboxEmails.find((o) => o.status === "FAILED")?.lastError ?? null) : null,
    };
  });
}

// « Envoyer tout »'s count: the actions still « En attente » (campaignActionState's PENDING: not
// done, and no message sent, queued or failed), whatever page of them is shown.
export async function countUnqueuedCampaignActions(db: DbClient, actor: Actor, campaignId: string): Promise<number> {
  assertCanManageCampaigns(actor);
  return db.action.count({
    where: { campaignId, done: false, outboxEmails: { none: { status: { in: ["SENT", "PENDING", "SENDING", "FAILED"] } } } },
  });
}
