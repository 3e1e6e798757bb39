import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { InvoiceStatus } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { prospectScope } from "@/lib/auth/scope";
import { db as defaultDb } from "@/lib/db";
import type { DbClient as Db } from "@/lib/prisma-client";
import { isEmptyWhere } from "@/lib/prisma-where";
import { visibleActionsWhere } from "@/lib/prospects/queries";
import { defaultsToTeamView } from "@/lib/team-view";

export const DASHBOARD_LIST_SIZE = 5;
export const DASHBOARD_ACTIONS_SIZE = 8;

const latestProspectSelect = {
  id: true,
  name: true,
  city: true,
  status: true,
  stage: true,
  createdAt: true,
  partner: { select: { name: true } },
} satisfies Prisma.ProspectSelect;

export type DashboardProspect = Prisma.ProspectGetPayload<{ select: typeof latestProspectSelect }>;

// « Derniers clients »: the prospects most recently registered within the actor's scope.
export async function findLatestProspects(
  actor: Actor,
  db: Db = defaultDb,
  take = DASHBOARD_LIST_SIZE,
): Promise<DashboardProspect[]> {
  return db.prospect.findMany({
    where: prospectScope(actor),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: latestProspectSelect,
  });
}

const upcomingActionSelect = {
  id: true,
  subject: true,
  dueAt: true,
  type: { select: { name: true, color: true } },
  assignee: { select: { name: true } },
  prospect: { select: { id: true, name: true } },
} satisfies Prisma.ActionSelect;

export type DashboardAction = Prisma.ActionGetPayload<{ select: typeof upcomingActionSelect }>;

// A partner's scope is its partnerId, which the action carries itself (kept by triggers): no join
// through every prospect of the partner; nothing at all for the internal team.
function actionScopeWhere(actor: Actor): Prisma.ActionWhereInput {
  const scope = prospectScope(actor);
  if (isEmptyWhere(scope)) return {};
  if (Object.keys(scope).length === 1 && typeof scope.partnerId === "string") return { partnerId: scope.partnerId };
  return { prospect: scope };
}

// « Prochaines actions »: what is still to do, soonest first (overdue ones lead). A partner
// follows every action on its organisation's prospects; the internal team follows the
// actions assigned to them.
export async function findUpcomingActions(
  actor: Actor,
  db: Db = defaultDb,
  take = DASHBOARD_ACTIONS_SIZE,
): Promise<DashboardAction[]> {
  // Sales reps see their own; a manager sees the team's (see lib/team-view.ts); partners their files'.
  const mine: Prisma.ActionWhereInput =
    can(actor.role, "prospect:read:any") && !defaultsToTeamView(actor.role) ? { assigneeId: actor.id } : {};
  return db.action.findMany({
    where: { AND: [{ done: false }, actionScopeWhere(actor), mine, visibleActionsWhere(actor)] },
    orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
    take,
    select: upcomingActionSelect,
  });
}

export type DashboardInvoiceStatus = Extract<InvoiceStatus, "SUBMITTED" | "VALIDATED" | "FINANCED">;

const invoiceSelect = {
  id: true,
  number: true,
  supplierName: true,
  amountCents: true,
  submittedAt: true,
  validatedAt: true,
  financedAt: true,
  client: { select: { id: true, name: true } },
} satisfies Prisma.InvoiceSelect;

export type DashboardInvoice = {
  id: string;
  number: string;
  supplierName: string;
  amountCents: number;
  // When the invoice reached the listed status.
  statusAt: Date;
  client: { id: string; name: string };
};

const STATUS_TIME = {
  SUBMITTED: "submittedAt",
  VALIDATED: "validatedAt",
  FINANCED: "financedAt",
} as const satisfies Record<DashboardInvoiceStatus, keyof Prisma.InvoiceSelect>;

// Latest step first: invoices with that step's time from a (status, time) or (partnerId, status,
// time, id) index read backwards; « nulls last » in SQL would sort every invoice of the status
// (110 ms at 300,000 invoices), so the undated ones are a second read, only when needed.
// Every invoice has its submission time.
const DATED: Record<DashboardInvoiceStatus, Prisma.InvoiceWhereInput> = {
  SUBMITTED: {},
  VALIDATED: { validatedAt: { not: null } },
  FINANCED: { financedAt: { not: null } },
};
const UNDATED: Record<DashboardInvoiceStatus, Prisma.InvoiceWhereInput | null> = {
  SUBMITTED: null,
  VALIDATED: { validatedAt: null },
  FINANCED: { financedAt: null },
};
const STATUS_ORDER: Record<DashboardInvoiceStatus, Prisma.InvoiceOrderByWithRelationInput> = {
  SUBMITTED: { submittedAt: "desc" },
  VALIDATED: { validatedAt: "desc" },
  FINANCED: { financedAt: "desc" },
};

// « Dernières factures soumises / validées / financées »: invoices currently in that status,
// of client prospects in the actor's scope, latest step first.
export async function findLatestInvoices(
  actor: Actor,
  status: DashboardInvoiceStatus,
  db: Db = defaultDb,
  take = DASHBOARD_LIST_SIZE,
): Promise<DashboardInvoice[]> {
  const timeField = STATUS_TIME[status];
  const scope = prospectScope(actor);
  // A partner's scope is its partnerId, which the invoice carries itself (kept by triggers):
  // no join through every prospect of the partner; nothing at all for the internal team.
  const scopeWhere: Prisma.InvoiceWhereInput = isEmptyWhere(scope)
    ? {}
    : Object.keys(scope).length === 1 && typeof scope.partnerId === "string"
      ? { partnerId: scope.partnerId }
      : { client: scope };
  const where: Prisma.InvoiceWhereInput = { AND: [{ status }, scopeWhere] };
  const dated = await db.invoice.findMany({
    where: { AND: [where, DATED[status]] },
    orderBy: [STATUS_ORDER[status], { id: "desc" }],
    take,
    select: invoiceSelect,
  });
  const undated = UNDATED[status];
  const rows =
    dated.length < take && undated
      ? [
          ...dated,
          ...(await db.invoice.findMany({
            where: { AND: [where, undated] },
            orderBy: { id: "desc" },
            take: take - dated.length,
            select: invoiceSelect,
          })),
        ]
      : dated;
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    supplierName: row.supplierName,
    amountCents: row.amountCents,
    // An invoice pushed straight into a later status may lack that step's time; its
    // submission time is the best we know.
    statusAt: row[timeField] ?? row.submittedAt,
    client: row.client,
  }));
}

export type Dashboard = {
  latestProspects: DashboardProspect[];
  upcomingActions: DashboardAction[];
  submittedInvoices: DashboardInvoice[];
  validatedInvoices: DashboardInvoice[];
  financedInvoices: DashboardInvoice[];
};

export async function getDashboard(actor: Actor, db: Db = defaultDb): Promise<Dashboard> {
  const [latestProspects, upcomingActions, submittedInvoices, validatedInvoices, financedInvoices] =
    await Promise.all([
      findLatestProspects(actor, db),
      findUpcomingActions(actor, db),
      findLatestInvoices(actor, "SUBMITTED", db),
      findLatestInvoices(actor, "VALIDATED", db),
      findLatestInvoices(actor, "FINANCED", db),
    ]);
  return { latestProspects, upcomingActions, submittedInvoices, validatedInvoices, financedInvoices };
}
