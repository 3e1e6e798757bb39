import "server-only";
import { cache } from "react";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { viaProspect } from "@/lib/auth/scope";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OpportunityStatus } from "@/lib/generated/prisma/enums";
import { CARDS_PER_COLUMN, INITIAL_CARDS_PER_COLUMN } from "@/lib/objectives/schemas";
import { achievedShare, cardCategory, isLateOpportunity, type CardCategory } from "@/lib/objectives/categories";
import { parisToday, periodBounds, type ObjectivePeriod, type PeriodBounds } from "@/lib/objectives/period";
import { listActiveColumns, type PipelineColumn } from "@/lib/pipeline/queries";
import { boardCardIds, stageTotalsFromRollup, wonAmountFromRollup, type StageTotal } from "@/lib/objectives/rollups";
import type { Db } from "@/lib/prisma-client";
import { isEmptyWhere } from "@/lib/prisma-where";


export type RepOption = { id: string; name: string };

// The reps a manager can look at: active internal users who sell (SALES and MANAGER). Read once
// per request (React's cache()): the board and « Actions de la semaine » both list them.
export const listRepOptions = cache(
  (db: Db): Promise<RepOption[]> =>
    db.user.findMany({
      where: { active: true, role: { in: ["SALES", "MANAGER"] } },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: { id: true, name: true },
    }),
);

export type BoardCard = {
  id: string;
  title: string;
  amountCents: number;
  status: OpportunityStatus;
  expectedCloseDate: Date | null;
  closedAt: Date | null;
  category: CardCategory;
  isLate: boolean;
  prospect: { id: string; name: string };
  owner: { id: string; name: string } | null;
};

// expanded: the column shows up to CARDS_PER_COLUMN cards rather than INITIAL_CARDS_PER_COLUMN.
export type BoardColumn = PipelineColumn & { count: number; amountCents: number; cards: BoardCard[]; expanded: boolean };

export type ObjectivesBoard = {
  period: ObjectivePeriod;
  bounds: PeriodBounds;
  // null: every rep (« Tous les représentants »).
  repId: string | null;
  // Empty when the actor sees only his own opportunities (no dropdown).
  repOptions: RepOption[];
  columns: BoardColumn[];
  targetCents: number;
  achievedCents: number;
  share: number | null;
};

const cardSelect = {
  id: true,
  stageId: true,
  title: true,
  amountCents: true,
  status: true,
  expectedCloseDate: true,
  closedAt: true,
  prospect: { select: { id: true, name: true } },
  owner: { select: { id: true, name: true } },
} satisfies Prisma.OpportunitySelect;

function toCard(row: CardRow, today: Date): BoardCard {
  return {
    id: row.id,
    title: row.title,
    amountCents: row.amountCents,
    status: row.status,
    expectedCloseDate: row.expectedCloseDate,
    closedAt: row.closedAt,
    category: cardCategory(row, today),
    isLate: isLateOpportunity(row, today),
    prospect: row.prospect,
    owner: row.owner,
  };
}

// Which opportunities the board shows for a period: open ones expected to close by its end
// (overdue and undated ones included: they are still to be worked on), and those won or lost
// during it.
export function boardOpportunityWhere(actor: Actor, bounds: PeriodBounds, repId: string | null): Prisma.OpportunityWhereInput {
  return {
    AND: [
      isEmptyWhere(viaProspect(actor).prospect) ? {} : viaProspect(actor),
      repId ? { ownerId: repId } : {},
      {
        OR: [
          { status: "OPEN", OR: [{ expectedCloseDate: null }, { expectedCloseDate: { lt: bounds.endDay } }] },
          { status: { in: ["WON", "LOST"] }, closedAt: { gte: bounds.start, lt: bounds.end } },
        ],
      },
    ],
  };
}

type CardRow = Prisma.OpportunityGetPayload<{ select: typeof cardSelect }>;
type BoardData = { totals: Map<string, StageTotal>; cards: CardRow[]; achievedCents: number };

const cardOrder = (a: CardRow, b: CardRow) => {
  const x = a.expectedCloseDate?.getTime() ?? Infinity;
  const y = b.expectedCloseDate?.getTime() ?? Infinity;
  return x !== y ? x - y : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

// Unscoped actors (internal staff): the column totals and the amount won come from the rollups,
// the cards of every column from one statement (plus their prospects and owners).
async function boardFromRollups(db: Db, stageIds: string[], takes: number[], bounds: PeriodBounds, repId: string | null): Promise<BoardData> {
  const [totals, achievedCents, ids] = await Promise.all([
    stageTotalsFromRollup(db, stageIds, bounds, repId),
    wonAmountFromRollup(db, bounds, repId),
    boardCardIds(db, stageIds, bounds, repId, takes),
  ]);
  const cards = ids.length === 0 ? [] : await db.opportunity.findMany({ where: { id: { in: ids } }, select: cardSelect });
  return { totals, cards: cards.sort(cardOrder), achievedCents };
}

// A scoped actor: the rollups count every prospect, so the board is aggregated live.
async function liveBoard(
  db: Db,
  actor: Actor,
  where: Prisma.OpportunityWhereInput,
  stageIds: string[],
  takes: number[],
  bounds: PeriodBounds,
  repId: string | null,
): Promise<BoardData> {
  const [totals, cardsPerColumn, achieved] = await Promise.all([
    db.opportunity.groupBy({
      by: ["stageId"],
      where: { AND: [where, { stageId: { in: stageIds } }] },
      _count: { _all: true },
      _sum: { amountCents: true },
    }),
    Promise.all(
      stageIds.map((stageId, index) =>
        db.opportunity.findMany({
          where: { AND: [where, { stageId }] },
          orderBy: [{ expectedCloseDate: { sort: "asc", nulls: "last" } }, { id: "asc" }],
          take: takes[index],
          select: cardSelect,
        }),
      ),
    ),
    db.opportunity.aggregate({
      where: {
        AND: [viaProspect(actor), repId ? { ownerId: repId } : {}, { status: "WON", closedAt: { gte: bounds.start, lt: bounds.end } }],
      },
      _sum: { amountCents: true },
    }),
  ]);
  return {
    totals: new Map(totals.map((t) => [t.stageId, { count: t._count._all, amountCents: t._sum.amountCents ?? 0 }])),
    cards: cardsPerColumn.flat(),
    achievedCents: achieved._sum.amountCents ?? 0,
  };
}

// A SALES user sees his own figures; managers (objective:manage) pick a rep or all of them. An
// unknown rep in the URL falls back to all reps.
function chooseRep(actor: Actor, requested: string | undefined, options: RepOption[]): string | null {
  if (!can(actor.role, "objective:manage")) return actor.id;
  return requested && options.some((o) => o.id === requested) ? requested : null;
}

export async function getObjectivesBoard(
  actor: Actor,
  // expanded: the stage ids of the columns opened with « Afficher les N suivantes ».
  params: { period: ObjectivePeriod; repId?: string; expanded?: readonly string[] },
  db: Db,
  now: Date = new Date(),
): Promise<ObjectivesBoard> {
  if (!can(actor.role, "prospect:internal:read")) throw new AppError("FORBIDDEN");
  const canChoose = can(actor.role, "objective:manage");
  const [repOptions, stages] = await Promise.all([canChoose ? listRepOptions(db) : Promise.resolve([]), listActiveColumns(db)]);
  const repId = chooseRep(actor, params.repId, repOptions);
  const bounds = periodBounds(params.period, now);
  const today = parisToday(now);
  const where = boardOpportunityWhere(actor, bounds, repId);

  const stageIds = stages.map((s) => s.id);
  const expanded = new Set(params.expanded ?? []);
  const takes = stageIds.map((id) => (expanded.has(id) ? CARDS_PER_COLUMN : INITIAL_CARDS_PER_COLUMN));
  const target = db.salesTarget.aggregate({
    where: { periodStart: { in: bounds.months }, ...(repId ? { userId: repId } : { user: { active: true } }) },
    _sum: { amountCents: true },
  });
  const [board, targetSum] = await Promise.all([
    isEmptyWhere(viaProspect(actor).prospect)
      ? boardFromRollups(db, stageIds, takes, bounds, repId)
      : liveBoard(db, actor, where, stageIds, takes, bounds, repId),
    target,
  ]);
  const cardsByStage = new Map<string, CardRow[]>();
  for (const row of board.cards) cardsByStage.set(row.stageId, [...(cardsByStage.get(row.stageId) ?? []), row]);
  const columns = stages.map((stage) => {
    const total = board.totals.get(stage.id);
    return {
      ...stage,
      count: total?.count ?? 0,
      amountCents: total?.amountCents ?? 0,
      cards: (cardsByStage.get(stage.id) ?? []).map((row) => toCard(row, today)),
      expanded: expanded.has(stage.id),
    };
  });
  const achievedCents = board.achievedCents;
  const targetCents = targetSum._sum.amountCents ?? 0;
  return {
    period: params.period,
    bounds,
    repId,
    repOptions,
    columns,
    targetCents,
    achievedCents,
    share: achievedShare(achievedCents, targetCents),
  };
}
