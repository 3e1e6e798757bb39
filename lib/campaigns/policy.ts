import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { DbClient } from "@/lib/prisma-client";

// Campaigns are the internal team's tool (campaign:manage); partners never reach them.
export function assertCanManageCampaigns(actor: Actor): void {
  if (!can(actor.role, "campaign:manage")) throw new AppError("FORBIDDEN");
}

// Serialises everything that changes one campaign (generation, sending, removals): a double
// click or a second tab waits for the first transaction, then sees what it did.
export async function lockCampaign(tx: DbClient, campaignId: string): Promise<void> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Campaign" WHERE "id" = ${campaignId} FOR UPDATE`;
  if (rows.length === 0) throw new AppError("NOT_FOUND", "Cette campagne n'existe pas ou a été supprimée.");
}
