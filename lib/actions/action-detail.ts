import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canManageActions, manageableActionWhere } from "@/lib/actions/access";
import { buildChains, chainPosition, type ChainPosition } from "@/lib/actions/chain";
import type { Actor } from "@/lib/auth/actor";
import { prospectScope } from "@/lib/auth/scope";
import { db as defaultDb } from "@/lib/db";
import type { DbClient } from "@/lib/prisma-client";
import { visibleActionsWhere } from "@/lib/prospects/queries";

const detailSelect = {
  id: true,
  subject: true,
  notes: true,
  dueAt: true,
  done: true,
  doneAt: true,
  outcome: true,
  createdAt: true,
  typeId: true,
  assigneeId: true,
  previousActionId: true,
  opportunityId: true,
  type: { select: { name: true, color: true, category: true } },
  assignee: { select: { id: true, name: true } },
  createdBy: { select: { name: true } },
  prospect: { select: { id: true, name: true } },
  opportunity: { select: { id: true, title: true } },
  nextAction: { select: { id: true } },
  quote: { select: { id: true, status: true, number: true } },
  reminderAt: true,
  reminderByEmail: true,
} satisfies Prisma.ActionSelect;

export type ActionDetailRow = Prisma.ActionGetPayload<{ select: typeof detailSelect }>;

export type ActionDetail = {
  action: ActionDetailRow;
  // Where the action stands in its chain (« 2 / 4 »), with its neighbours for « « » and « » ».
  chain: ChainPosition;
  isOffer: boolean;
  hasFollowUp: boolean;
  editable: boolean;
};

// The chain an action belongs to is made of actions of the same prospect and the same
// opportunity (a follow-up inherits both), among those the actor may see.
export async function loadChainPosition(
  actor: Actor,
  action: { id: string; prospectId: string; opportunityId: string | null },
  db: DbClient = defaultDb,
): Promise<ChainPosition> {
  const siblings = await db.action.findMany({
    where: {
      AND: [{ prospectId: action.prospectId, opportunityId: action.opportunityId, prospect: prospectScope(actor) }, visibleActionsWhere(actor)],
    },
    orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
    select: { id: true, previousActionId: true },
  });
  return (
    chainPosition(buildChains(siblings), action.id) ?? {
      index: 1,
      total: 1,
      previousId: null,
      nextId: null,
      firstId: action.id,
      lastId: action.id,
    }
  );
}

// « Visualiser une action »: the action with its place in the chain, or null when it does not
// exist or is out of the actor's scope (partners never see the steps of an opportunity).
export async function getActionDetail(actor: Actor, id: string, db: DbClient = defaultDb): Promise<ActionDetail | null> {
  const action = await db.action.findFirst({ where: manageableActionWhere(actor, id), select: detailSelect });
  if (!action) return null;
  const chain = await loadChainPosition(actor, { id: action.id, prospectId: action.prospect.id, opportunityId: action.opportunityId }, db);
  return {
    action,
    chain,
    isOffer: action.type.category === "OFFER",
    hasFollowUp: action.nextAction !== null,
    editable: canManageActions(actor),
  };
}
