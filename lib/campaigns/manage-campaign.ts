import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { campaignActionTypeName } from "@/lib/campaigns/labels";
import { assertCanManageCampaigns, lockCampaign } from "@/lib/campaigns/policy";
import type { CampaignContentValues, CampaignCriteria } from "@/lib/campaigns/schemas";
import { readStoredFilter, storedFilterJson } from "@/lib/campaigns/stored-filter";
import { AppError } from "@/lib/errors";
import type { Db, DbClient } from "@/lib/prisma-client";

// Campaign e-mails look like the « E-mail » type on the calendar and the lists.
const CAMPAIGN_TYPE_COLOR = "#9333ea";

const NOT_EDITABLE = "Les actions de cette campagne sont déjà créées : son contenu et ses filtres ne changent plus.";

// Step 1 on /campagnes/nouvelle: the campaign exists from its content on, as a draft.
export async function createCampaign(db: Db, actor: Actor, input: CampaignContentValues): Promise<{ id: string }> {
  assertCanManageCampaigns(actor);
  return db.campaign.create({
    data: {
      name: input.name,
      subjectTemplate: input.subjectTemplate,
      bodyTemplate: input.bodyTemplate,
      filter: storedFilterJson(readStoredFilter({})),
      createdById: actor.id,
    },
    select: { id: true },
  });
}

async function lockDraft(tx: DbClient, campaignId: string) {
  await lockCampaign(tx, campaignId);
  const campaign = await tx.campaign.findUniqueOrThrow({
    where: { id: campaignId },
    select: { id: true, name: true, status: true, filter: true, actionTypeId: true, subjectTemplate: true, bodyTemplate: true },
  });
  if (campaign.status !== "DRAFT") throw new AppError("CONFLICT", NOT_EDITABLE);
  return campaign;
}

// Step 1 again, while still a draft; a generated action type follows the new text.
export async function updateCampaignContent(
  db: Db,
  actor: Actor,
  campaignId: string,
  input: CampaignContentValues,
): Promise<{ id: string }> {
  assertCanManageCampaigns(actor);
  return db.$transaction(async (tx) => {
    const campaign = await lockDraft(tx, campaignId);
    await tx.campaign.update({
      where: { id: campaign.id },
      data: { name: input.name, subjectTemplate: input.subjectTemplate, bodyTemplate: input.bodyTemplate },
    });
    if (campaign.actionTypeId) {
      await tx.actionType.update({
        where: { id: campaign.actionTypeId },
        data: { subjectTemplate: input.subjectTemplate, bodyTemplate: input.bodyTemplate },
      });
    }
    return { id: campaign.id };
  });
}

// Step 2: the criteria the live count showed become the campaign's.
export async function saveCampaignFilter(db: Db, actor: Actor, campaignId: string, criteria: CampaignCriteria): Promise<{ id: string }> {
  assertCanManageCampaigns(actor);
  return db.$transaction(async (tx) => {
    const campaign = await lockDraft(tx, campaignId);
    const stored = readStoredFilter(campaign.filter);
    await tx.campaign.update({
      where: { id: campaign.id },
      data: { filter: storedFilterJson({ ...stored, criteria, savedAt: new Date().toISOString() }) },
    });
    return { id: campaign.id };
  });
}

// Step 3: an EMAIL action type named after the campaign holds its subject and body; a type of
// that name made earlier (same campaign name) is reused rather than duplicated.
export async function generateCampaignActionType(
  db: Db,
  actor: Actor,
  campaignId: string,
): Promise<{ actionTypeId: string; name: string; reused: boolean }> {
  assertCanManageCampaigns(actor);
  return db.$transaction(async (tx) => {
    const campaign = await lockDraft(tx, campaignId);
    const name = campaignActionTypeName(campaign.name);
    const templates = { subjectTemplate: campaign.subjectTemplate, bodyTemplate: campaign.bodyTemplate };
    const existing = await tx.actionType.findUnique({ where: { name }, select: { id: true, category: true } });
    if (existing && existing.category !== "EMAIL") {
      throw new AppError("CONFLICT", `Un type d'action « ${name} » existe déjà et n'est pas un e-mail : renommez la campagne.`);
    }
    let actionTypeId: string;
    if (existing) {
      await tx.actionType.update({ where: { id: existing.id }, data: { ...templates, active: true } });
      actionTypeId = existing.id;
    } else {
      const last = await tx.actionType.aggregate({ _max: { position: true } });
      const created = await tx.actionType.create({
        data: {
          name,
          color: CAMPAIGN_TYPE_COLOR,
          category: "EMAIL",
          isAppointment: false,
          // The campaign's mail-merge is the internal team's business.
          visibleToPartner: false,
          position: (last._max.position ?? 0) + 1,
          ...templates,
        },
        select: { id: true },
      });
      actionTypeId = created.id;
    }
    await tx.campaign.update({ where: { id: campaign.id }, data: { actionTypeId } });
    return { actionTypeId, name, reused: Boolean(existing) };
  });
}
