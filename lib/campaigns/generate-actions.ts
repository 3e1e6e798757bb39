import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { assertCanManageCampaigns, lockCampaign } from "@/lib/campaigns/policy";
import { findMatchingProspects, resolveRecipients } from "@/lib/campaigns/recipients";
import { renderCampaignAction } from "@/lib/campaigns/render";
import { readStoredFilter, storedFilterJson, type SkippedFile } from "@/lib/campaigns/stored-filter";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/prisma-client";

export type GenerationResult = {
  // False when the actions already existed (a second click, another tab): nothing was added.
  generated: boolean;
  actionCount: number;
  skipped: SkippedFile[];
};

// Generous: one statement per thousand files, but a big campaign is still one transaction.
const GENERATION_TIMEOUT_MS = 120_000;

// The name every merged message is signed with: whoever created the campaign.
export async function campaignSenderName(db: Pick<Db, "user">, createdById: string | null, actor: Actor): Promise<string> {
  if (!createdById || createdById === actor.id) return actor.name;
  const creator = await db.user.findUnique({ where: { id: createdById }, select: { name: true } });
  return creator?.name ?? actor.name;
}

// Step 4, « Enregistrer »: in one transaction, one pending EMAIL action per matching file that
// has a usable favourite contact; the others are recorded with their reason. The campaign row
// lock plus the DRAFT → GENERATED switch make a second run a no-op.
export async function generateCampaignActions(db: Db, actor: Actor, campaignId: string): Promise<GenerationResult> {
  assertCanManageCampaigns(actor);
  return db.$transaction(
    async (tx) => {
      await lockCampaign(tx, campaignId);
      const campaign = await tx.campaign.findUniqueOrThrow({
        where: { id: campaignId },
        select: {
          id: true,
          status: true,
          filter: true,
          subjectTemplate: true,
          bodyTemplate: true,
          createdById: true,
          actionType: { select: { id: true, name: true, category: true } },
        },
      });
      const stored = readStoredFilter(campaign.filter);
      if (campaign.status !== "DRAFT") {
        const actionCount = await tx.action.count({ where: { campaignId: campaign.id } });
        return { generated: false, actionCount, skipped: stored.skipped };
      }
      if (!stored.savedAt) {
        throw new AppError("VALIDATION", "Enregistrez d'abord les filtres de la campagne (étape 2).");
      }
      if (!campaign.actionType || campaign.actionType.category !== "EMAIL") {
        throw new AppError("VALIDATION", "Générez d'abord le type d'action de la campagne (étape 3).");
      }

      const prospects = await findMatchingProspects(tx, actor, stored.criteria);
      const resolutions = await resolveRecipients(
        tx,
        prospects.map((p) => p.id),
      );
      const senderName = await campaignSenderName(tx, campaign.createdById, actor);
      const now = new Date();
      const data: Prisma.ActionCreateManyInput[] = [];
      const skipped: SkippedFile[] = [];
      for (const prospect of prospects) {
        const resolution = resolutions.get(prospect.id);
        if (!resolution) continue; // deleted since the list was read
        if (!resolution.ok) {
          skipped.push({ prospectId: prospect.id, name: prospect.name, reason: resolution.reason });
          continue;
        }
        const { subject, notes } = renderCampaignAction(campaign, resolution.recipient, senderName);
        data.push({
          prospectId: prospect.id,
          typeId: campaign.actionType.id,
          subject,
          notes,
          dueAt: now,
          assigneeId: actor.id,
          createdById: actor.id,
          campaignId: campaign.id,
          done: false,
        });
      }

      const actionTypeName = campaign.actionType.name;
      const created = data.length
        ? await tx.action.createManyAndReturn({ data, select: { id: true, prospectId: true, subject: true } })
        : [];
      if (created.length) {
        await tx.auditEvent.createMany({
          data: created.map((action) => ({
            entityType: "Action",
            entityId: action.id,
            prospectId: action.prospectId,
            actorId: actor.id,
            action: "CREATE" as const,
            changes: { type: actionTypeName, subject: action.subject, dueAt: now.toISOString() },
          })),
        });
      }
      await tx.campaign.update({
        where: { id: campaign.id },
        data: { status: "GENERATED", filter: storedFilterJson({ ...stored, skipped }) },
      });
      return { generated: true, actionCount: created.length, skipped };
    },
    { timeout: GENERATION_TIMEOUT_MS, maxWait: 10_000 },
  );
}
