import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { campaignMergeValues, countMissingMergeFields, type MissingFieldCount } from "@/lib/campaigns/merge-fields";
import { assertCanManageCampaigns } from "@/lib/campaigns/policy";
import { resolveRecipients } from "@/lib/campaigns/recipients";
import type { DbClient } from "@/lib/prisma-client";

// The warning before « Envoyer tout »: among the recipients still to write to, how many have no
// value for each merge field the campaign uses.
export async function findMissingMergeFields(
  db: DbClient,
  actor: Actor,
  campaign: { id: string; subjectTemplate: string; bodyTemplate: string },
): Promise<{ recipients: number; fields: MissingFieldCount[] }> {
  assertCanManageCampaigns(actor);
  const unsent = await db.action.findMany({
    where: { campaignId: campaign.id, done: false, outboxEmails: { none: {} } },
    select: { prospectId: true },
  });
  const resolutions = await resolveRecipients(db, [...new Set(unsent.map((a) => a.prospectId))]);
  const values = [...resolutions.values()].flatMap((resolution) =>
    resolution.ok ? [campaignMergeValues({ ...resolution.recipient, senderName: actor.name })] : [],
  );
  return {
    recipients: values.length,
    fields: countMissingMergeFields([campaign.subjectTemplate, campaign.bodyTemplate], values),
  };
}
