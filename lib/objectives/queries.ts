import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { viaProspect } from "@/lib/auth/scope";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OpportunityStatus } from "@/lib/generated/prisma/enums";
import { achievedShare, cardCategory, isLateOpportunity, type CardCategory } from "@/lib/objectives/categories";
import { parisToday, periodBounds, type ObjectivePeriod, type PeriodBounds } from "@/lib/objectives/period";
import { listActiveColumns, type PipelineColumn } from "@/lib/pipeline/queries";
import type { Db } from "@/lib/prisma-client";
import { isEmptyWhere } from "@/lib/prisma-where";

// Cards drawn per column; the column's count and total always cover all of its opportunities.
export const CARDS_PER_COLUMN = 50;

export type RepOption = { id: string; name: string };

// The reps a manager can look at: active internal users who sell (SALES and MANAGER).
export function listRepOptions(db: Db): Promise<RepOption[]> {
  return db.user.findMany({
    where: { active: true, role: { in: ["SALES", "MANAGER"] } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
}

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

export type BoardColumn = PipelineColumn & { count: number; amountCents: number; cards: BoardCard[] };

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
  title: true,
  amountCents: true,
  status: true,
  expectedCloseDate: true,
  closedAt: true,
  prospect: { select: { id: true, name: true } },
  owner: { select: { id: true, name: true } },
} satisfies Prisma.OpportunitySelect;

function toCard(row: Prisma.OpportunityGetPayload<{ select: typeof cardSelect }>, today: Date): BoardCard {
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

// A SALES user sees his own figures; managers (objective:manage) pick a rep or all of them. An
// unknown rep in the URL falls back to all reps.
function chooseRep(actor: Actor, requested: string | undefined, options: RepOption[]): string | null {
  if (!can(actor.role, "objective:manage")) return actor.id;
  return requested && options.some((o) => o.id === requested) ? requested : null;
}

export async function getObjectivesBoard(
  actor: Actor,
  params: { period: ObjectivePeriod; repId?: string },
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

  const [totals, cardsPerColumn, target, achieved] = await Promise.all([
    db.opportunity.groupBy({
      by: ["stageId"],
      where: { AND: [where, { stageId: { in: stages.map((s) => s.id) } }] },
      _count: { _all: true },
      _sum: { amountCents: true },
    }),
    Promise.all(
      stages.map((stage) =>
        db.opportunity.findMany({
          where: { AND: [where, { stageId: stage.id }] },
          orderBy: [{ expectedCloseDate: { sort: "asc", nulls: "last" } }, { id: "asc" }],
          take: CARDS_PER_COLUMN,
          select: cardSelect,
        }),
      ),
    ),
    db.salesTarget.aggregate({
      where: { periodStart: { in: bounds.months }, ...(repId ? { userId: repId } : { user: { active: true } }) },
      _sum: { amountCents: true },
    }),
    db.opportunity.aggregate({
      where: {
        AND: [viaProspect(actor), repId ? { ownerId: repId } : {}, { status: "WON", closedAt: { gte: bounds.start, lt: bounds.end } }],
      },
      _sum: { amountCents: true },
    }),
  ]);

  const totalByStage = new Map(totals.map((t) => [t.stageId, t]));
  const columns = stages.map((stage, i) => {
    const total = totalByStage.get(stage.id);
    return {
      ...stage,
      count: total?._count._all ?? 0,
      amountCents: total?._sum.amountCents ?? 0,
      cards: cardsPerColumn[i]!.map((row) => toCard(row, today)),
    };
  });
  const targetCents = target._sum.amountCents ?? 0;
  const achievedCents = achieved._sum.amountCents ?? 0;
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
