import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { buildChains } from "@/lib/actions/chain";
import { actionTypeOf, resolveNames, type NamedRead, type ReferenceNames } from "@/lib/references/lookup-names";
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

const listSelect = {
  id: true,
  title: true,
  amountCents: true,
  status: true,
  expectedCloseDate: true,
  closedAt: true,
  stageId: true,
  ownerId: true,
} satisfies Prisma.OpportunitySelect;

const listActionSelect = {
  id: true,
  subject: true,
  dueAt: true,
  done: true,
  doneAt: true,
  previousActionId: true,
  opportunityId: true,
  typeId: true,
  assigneeId: true,
} satisfies Prisma.ActionSelect;

// The opportunities of a prospect, open ones first then the most recent, with their actions;
// their stages, owners, types and assignees still to name (see NamedRead). Partners get none.
// The opportunities and their actions are read side by side, both scoped in their `where`.
export async function readProspectOpportunities(
  actor: Actor,
  prospectId: string,
  db: DbClient = defaultDb,
): Promise<NamedRead<OpportunitySummary[]>> {
  const where: Prisma.OpportunityWhereInput = { AND: [{ prospectId }, opportunityScope(actor)] };
  const [rows, actions] = await Promise.all([
    db.opportunity.findMany({ where, orderBy: [{ status: "asc" }, { createdAt: "desc" }, { id: "desc" }], select: listSelect }),
    db.action.findMany({ where: { opportunity: where }, orderBy: nestedActionsInclude.orderBy, select: listActionSelect }),
  ]);
  const ids = {
    users: [...rows.map((o) => o.ownerId), ...actions.map((a) => a.assigneeId)],
    actionTypes: actions.map((a) => a.typeId),
    stages: rows.map((o) => o.stageId),
  };
  const build = (names: ReferenceNames): OpportunitySummary[] => {
    const byOpportunity = new Map<string, NestedActionRow[]>();
    for (const { opportunityId, typeId, assigneeId, ...action } of actions) {
      if (!opportunityId) continue;
      const assigneeName = assigneeId ? names.users.get(assigneeId) : undefined;
      const assignee = assigneeName === undefined ? null : { name: assigneeName };
      const row: NestedActionRow = { ...action, type: actionTypeOf(names, typeId), assignee };
      const list = byOpportunity.get(opportunityId);
      if (list) list.push(row);
      else byOpportunity.set(opportunityId, [row]);
    }
    return rows.map(({ stageId, ownerId, ...opportunity }) => {
      const stage = names.stages.get(stageId);
      // The stage's foreign key restricts its deletion, so a miss is a bug.
      if (!stage) throw new Error(`Étape introuvable : ${stageId}`);
      const ownerName = ownerId ? names.users.get(ownerId) : undefined;
      const owner = ownerId && ownerName !== undefined ? { id: ownerId, name: ownerName } : null;
      return withChains({ ...opportunity, stage, owner, actions: byOpportunity.get(opportunity.id) ?? [] });
    });
  };
  return { ids, build };
}

// The same, named: one more statement for the names (none when there is nothing to name).
export async function listProspectOpportunities(actor: Actor, prospectId: string, db: DbClient = defaultDb): Promise<OpportunitySummary[]> {
  return resolveNames(db, await readProspectOpportunities(actor, prospectId, db));
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
