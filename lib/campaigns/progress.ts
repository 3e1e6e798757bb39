// How far a campaign got, from its actions and their outbox rows. Pure, shared by queries and tests.
import type { CampaignActionState } from "@/lib/campaigns/labels";
import type { CampaignStatus, OutboxStatus } from "@/lib/generated/prisma/enums";

export type CampaignProgress = {
  total: number;
  // « En attente »: not delivered yet, queued or not.
  pending: number;
  // « Envoyés »
  sent: number;
  // « Échecs »: the outbox gave up (the admin can requeue it from « Boîte d'envoi »).
  failed: number;
  // Marked « Fait » by hand before any message was queued.
  doneWithoutEmail: number;
};

export const EMPTY_PROGRESS: CampaignProgress = { total: 0, pending: 0, sent: 0, failed: 0, doneWithoutEmail: 0 };

export function campaignActionState(action: { done: boolean; outboxStatuses: OutboxStatus[] }): CampaignActionState {
  const statuses = action.outboxStatuses;
  if (statuses.includes("SENT")) return "SENT";
  if (statuses.includes("PENDING") || statuses.includes("SENDING")) return "QUEUED";
  if (statuses.includes("FAILED")) return "FAILED";
  return action.done ? "DONE" : "PENDING";
}

export function addToProgress(progress: CampaignProgress, state: CampaignActionState, count = 1): CampaignProgress {
  const next = { ...progress, total: progress.total + count };
  if (state === "SENT") next.sent += count;
  else if (state === "FAILED") next.failed += count;
  else if (state === "DONE") next.doneWithoutEmail += count;
  else next.pending += count;
  return next;
}

// SENT is computed, never stored: a campaign being sent is sent once nothing waits any more.
export function effectiveCampaignStatus(status: CampaignStatus, progress: CampaignProgress): CampaignStatus {
  return status === "SENDING" && progress.pending === 0 ? "SENT" : status;
}
