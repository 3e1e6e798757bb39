import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { buildChains } from "@/lib/actions/chain";
import type { Actor } from "@/lib/auth/actor";
import { db as defaultDb } from "@/lib/db";
import { opportunityScope } from "@/lib/opportunities/access";
import type { DbClient } from "@/lib/prisma-client";

const nestedActionSelect = {
  id: true,
  subject: true,
  dueAt: true,
  done: true,
  doneAt: true,
  previousActionId: true,
  type: { select: { name: true, color: true, category: true } },
  assignee: { select: { name: true } },
} satisfies Prisma.ActionSelect;

export type NestedActionRow = Prisma.ActionGetPayload<{ select: typeof nestedActionSelect }>;

const nestedActionsInclude = {
  select: nestedActionSelect,
  orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
} satisfies Prisma.Opportunity$actionsArgs;

const summarySelect = {
  id: true,
  title: true,
  amountCents: true,
  status: true,
  expectedCloseDate: true,
  closedAt: true,
  stage: { select: { id: true, label: true, kind: true } },
  owner: { select: { id: true, name: true } },
  actions: nestedActionsInclude,
} satisfies Prisma.OpportunitySelect;

type SummaryRow = Prisma.OpportunityGetPayload<{ select: typeof summarySelect }>;

// An opportunity with its nested actions grouped by chain (« Actions imbriquées »).
export type OpportunitySummary = Omit<SummaryRow, "actions"> & { chains: NestedActionRow[][] };

function withChains<T extends { actions: NestedActionRow[] }>(row: T): Omit<T, "actions"> & { chains: NestedActionRow[][] } {
  const { actions, ...rest } = row;
  return { ...rest, chains: buildChains(actions) };
}

// The opportunities of a prospect, open ones first then the most recent. Partners get none.
export async function listProspectOpportunities(
  actor: Actor,
  prospectId: string,
  db: DbClient = defaultDb,
): Promise<OpportunitySummary[]> {
  const rows = await db.opportunity.findMany({
    where: { AND: [{ prospectId }, opportunityScope(actor)] },
    orderBy: [{ status: "asc" }, { createdAt: "desc" }, { id: "desc" }],
    select: summarySelect,
  });
  return rows.map(withChains);
}

const detailSelect = {
  ...summarySelect,
  version: true,
  stageId: true,
  ownerId: true,
  createdAt: true,
  prospect: { select: { id: true, name: true } },
} satisfies Prisma.OpportunitySelect;

export type OpportunityDetail = Omit<Prisma.OpportunityGetPayload<{ select: typeof detailSelect }>, "actions"> & {
  chains: NestedActionRow[][];
};

// The « Opportunité » page, or null (missing, out of scope, or a partner: a 404 either way).
export async function getOpportunityDetail(actor: Actor, id: string, db: DbClient = defaultDb): Promise<OpportunityDetail | null> {
  const row = await db.opportunity.findFirst({ where: { AND: [{ id }, opportunityScope(actor)] }, select: detailSelect });
  return row ? withChains(row) : null;
}

export type Option = { value: string; label: string };

// The pipeline's active columns in order, plus the one already set if it was retired since.
export async function listStageOptions(current: string | null = null, db: DbClient = defaultDb): Promise<Option[]> {
  const stages = await db.pipelineStage.findMany({
    where: { OR: [{ active: true }, ...(current ? [{ id: current }] : [])] },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { id: true, label: true, active: true },
  });
  return stages.map((s) => ({ value: s.id, label: s.active ? s.label : `${s.label} (retirée)` }));
}

// Representatives: active SALES and MANAGER users, the actor, and whoever is already set.
export async function listOwnerOptions(actor: Actor, current: string | null = null, db: DbClient = defaultDb): Promise<Option[]> {
  const users = await db.user.findMany({
    where: {
      OR: [
        { active: true, role: { in: ["SALES", "MANAGER"] } },
        { id: actor.id, role: { not: "PARTNER" } },
        ...(current ? [{ id: current }] : []),
      ],
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, active: true },
  });
  return users.map((u) => ({ value: u.id, label: u.active ? u.name : `${u.name} (inactif)` }));
}
