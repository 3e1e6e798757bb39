import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { prospectScope } from "@/lib/auth/scope";
import { AppError } from "@/lib/errors";
import type { DbClient } from "@/lib/prisma-client";

export const OPPORTUNITY_NOT_FOUND = "Cette opportunité n'existe pas ou n'est pas dans votre portefeuille.";

// Opportunities are internal (DESIGN.md §1): without opportunity:manage nothing matches, so a
// partner gets the same 404 as for a record that does not exist.
export function opportunityScope(actor: Actor): Prisma.OpportunityWhereInput {
  if (!can(actor.role, "opportunity:manage") || !can(actor.role, "prospect:internal:read")) return { id: { in: [] } };
  return { prospect: prospectScope(actor) };
}

export async function findManageableOpportunity(
  tx: DbClient,
  actor: Actor,
  id: string,
): Promise<{ id: string; prospectId: string; title: string; status: string }> {
  const opportunity = await tx.opportunity.findFirst({
    where: { AND: [{ id }, opportunityScope(actor)] },
    select: { id: true, prospectId: true, title: true, status: true },
  });
  if (!opportunity) throw new AppError("NOT_FOUND", OPPORTUNITY_NOT_FOUND);
  return opportunity;
}

// A representative for an opportunity: an active SALES or MANAGER user, or the person already
// set (kept even if since deactivated), or the actor itself.
export async function resolveOwner(tx: DbClient, actor: Actor, ownerId: string, keep: string | null = null): Promise<{ id: string; name: string }> {
  const owner = await tx.user.findFirst({
    where: {
      id: ownerId,
      OR: [{ active: true, role: { in: ["SALES", "MANAGER"] } }, { id: actor.id, role: { not: "PARTNER" } }, ...(keep ? [{ id: keep }] : [])],
    },
    select: { id: true, name: true },
  });
  if (!owner) throw new AppError("VALIDATION", "Ce commercial ne peut pas être choisi.", { ownerId: ["Choisissez un commercial de la liste."] });
  return owner;
}

// An active pipeline column, or the one already set.
export async function resolveStage(
  tx: DbClient,
  stageId: string,
  keep: string | null = null,
): Promise<{ id: string; label: string; kind: "IN_PROGRESS" | "WON" | "LOST" }> {
  const stage = await tx.pipelineStage.findFirst({
    where: { id: stageId, OR: [{ active: true }, ...(keep ? [{ id: keep }] : [])] },
    select: { id: true, label: true, kind: true },
  });
  if (!stage) throw new AppError("VALIDATION", "Cette étape n'est plus proposée.", { stageId: ["Choisissez une étape de la liste."] });
  return stage;
}

// The first active column of a kind (by position; for IN_PROGRESS the furthest one, where a
// reopened deal most likely stands), or null when the admins configured none.
export async function stageOfKind(
  tx: DbClient,
  kind: "IN_PROGRESS" | "WON" | "LOST",
): Promise<{ id: string; label: string; kind: "IN_PROGRESS" | "WON" | "LOST" } | null> {
  return tx.pipelineStage.findFirst({
    where: { active: true, kind },
    orderBy: [{ position: kind === "IN_PROGRESS" ? "desc" : "asc" }, { id: "asc" }],
    select: { id: true, label: true, kind: true },
  });
}
