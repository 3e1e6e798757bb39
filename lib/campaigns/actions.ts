"use server";

import type { ActionResult } from "@/lib/action-result";
import { authedAction } from "@/lib/auth/action";
import { generateCampaignActions, type GenerationResult } from "@/lib/campaigns/generate-actions";
import {
  createCampaign,
  generateCampaignActionType,
  saveCampaignFilter,
  updateCampaignContent,
} from "@/lib/campaigns/manage-campaign";
import { countCampaignRecipients, type RecipientCount } from "@/lib/campaigns/recipients";
import {
  campaignActionSchema,
  campaignContentSchema,
  campaignCriteriaSchema,
  campaignIdSchema,
  saveCampaignFilterSchema,
  updateCampaignContentSchema,
  type CampaignActionInput,
  type CampaignContentInput,
  type CampaignCriteriaInput,
  type CampaignIdInput,
  type SaveCampaignFilterInput,
  type UpdateCampaignContentInput,
} from "@/lib/campaigns/schemas";
import {
  previewCampaignAction,
  removeCampaignAction,
  sendCampaign,
  type CampaignPreview,
  type SendResult,
} from "@/lib/campaigns/send-campaign";
import { db } from "@/lib/db";

const permission = { permission: "campaign:manage" } as const;

const create = authedAction(campaignContentSchema, (input, actor) => createCampaign(db, actor, input), permission);
export async function createCampaignAction(input: CampaignContentInput): Promise<ActionResult<{ id: string }>> {
  return create(input);
}

const update = authedAction(
  updateCampaignContentSchema,
  ({ campaignId, ...content }, actor) => updateCampaignContent(db, actor, campaignId, content),
  permission,
);
export async function updateCampaignContentAction(input: UpdateCampaignContentInput): Promise<ActionResult<{ id: string }>> {
  return update(input);
}

const count = authedAction(campaignCriteriaSchema, (criteria, actor) => countCampaignRecipients(db, actor, criteria), permission);
// Step 2's live count, called (debounced) as the filters change.
export async function countCampaignRecipientsAction(input: CampaignCriteriaInput): Promise<ActionResult<RecipientCount>> {
  return count(input);
}

const saveFilter = authedAction(
  saveCampaignFilterSchema,
  ({ campaignId, criteria }, actor) => saveCampaignFilter(db, actor, campaignId, criteria),
  permission,
);
export async function saveCampaignFilterAction(input: SaveCampaignFilterInput): Promise<ActionResult<{ id: string }>> {
  return saveFilter(input);
}

const generateType = authedAction(campaignIdSchema, ({ campaignId }, actor) => generateCampaignActionType(db, actor, campaignId), permission);
export async function generateCampaignActionTypeAction(
  input: CampaignIdInput,
): Promise<ActionResult<{ actionTypeId: string; name: string; reused: boolean }>> {
  return generateType(input);
}

const generate = authedAction(campaignIdSchema, ({ campaignId }, actor) => generateCampaignActions(db, actor, campaignId), permission);
export async function generateCampaignActionsAction(input: CampaignIdInput): Promise<ActionResult<GenerationResult>> {
  return generate(input);
}

const send = authedAction(campaignIdSchema, ({ campaignId }, actor) => sendCampaign(db, actor, campaignId), permission);
export async function sendCampaignAction(input: CampaignIdInput): Promise<ActionResult<SendResult>> {
  return send(input);
}

const remove = authedAction(
  campaignActionSchema,
  ({ campaignId, actionId }, actor) => removeCampaignAction(db, actor, campaignId, actionId),
  permission,
);
export async function removeCampaignActionAction(input: CampaignActionInput): Promise<ActionResult<{ id: string }>> {
  return remove(input);
}

const preview = authedAction(
  campaignActionSchema,
  ({ campaignId, actionId }, actor) => previewCampaignAction(db, actor, campaignId, actionId),
  permission,
);
export async function previewCampaignActionAction(input: CampaignActionInput): Promise<ActionResult<CampaignPreview>> {
  return preview(input);
}
