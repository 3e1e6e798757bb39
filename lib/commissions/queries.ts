import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { addMonths, isMonth, monthOfColumn, monthStartColumn, parisMonthOf } from "@/lib/commissions/compute";
import { canManageCommissions, statementScope } from "@/lib/commissions/policy";
import { db as defaultDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CommissionStatementStatus } from "@/lib/generated/prisma/enums";
import type { DbClient } from "@/lib/prisma-client";

// Lines a partner may read: its own organisation's, nothing else (another's is a 404).
function ownPartnerId(actor: Actor): string | null {
  return can(actor.role, "commission:read:own") && actor.partnerId ? actor.partnerId : null;
}

export type CommissionSummary = {
  monthCents: number;
  yearCents: number;
  lastStatement: { number: string | null; month: string; status: CommissionStatementStatus; totalCents: number } | null;
};

// The dashboard card « Mes commissions »: earned this Paris month so far, year to date, last
// statement. Null for anyone who is not a partner user.
export async function getCommissionSummary(actor: Actor, now: Date = new Date(), db: DbClient = defaultDb): Promise<CommissionSummary | null> {
  const partnerId = ownPartnerId(actor);
  if (!partnerId) return null;
  const month = parisMonthOf(now);
  const [thisMonth, year, last] = await Promise.all([
    db.commissionLine.aggregate({ where: { partnerId, periodMonth: monthStartColumn(month) }, _sum: { amountCents: true } }),
    db.commissionLine.aggregate({
      where: { partnerId, periodMonth: { gte: monthStartColumn(`${month.slice(0, 4)}-01`), lte: monthStartColumn(month) } },
      _sum: { amountCents: true },
    }),
    db.commissionStatement.findFirst({
      where: { partnerId },
      orderBy: { periodMonth: "desc" },
      select: { number: true, periodMonth: true, status: true, totalCents: true },
    }),
  ]);
  return {
    monthCents: thisMonth._sum.amountCents ?? 0,
    yearCents: year._sum.amountCents ?? 0,
    lastStatement: last ? { number: last.number, month: monthOfColumn(last.periodMonth), status: last.status, totalCents: last.totalCents } : null,
  };
}

export type PartnerCommissions = {
  month: string;
  months: { month: string; amountCents: number; lineCount: number }[];
  clients: { clientId: string; name: string; introducedBy: string | null; financedCents: number; amountCents: number }[];
  lines: {
    id: string;
    occurredAt: Date;
    clientName: string;
    introducedBy: string | null;
    invoiceNumber: string;
    supplierName: string;
    type: "EARNING" | "REVERSAL";
    kind: "DIRECT" | "NETWORK";
    baseCents: number;
    rateBps: number;
    amountCents: number;
  }[];
  statements: {
    id: string;
    month: string;
    number: string | null;
    status: CommissionStatementStatus;
    totalCents: number;
    paidOn: Date | null;
    adjustments: { amountCents: number; reason: string | null }[];
  }[];
};

// « Mes commissions »: the last 12 months, per client over that time, the chosen month's lines
// and the statements. Null for anyone without an organisation to read.
export async function getPartnerCommissions(
  actor: Actor,
  options: { month?: string; now?: Date } = {},
  db: DbClient = defaultDb,
): Promise<PartnerCommissions | null> {
  const partnerId = ownPartnerId(actor);
  if (!partnerId) return null;
  const current = parisMonthOf(options.now ?? new Date());
  const month = options.month && isMonth(options.month) ? options.month : current;
  const from = monthStartColumn(addMonths(current, -11));
  const [byMonth, byClient, lines, statements] = await Promise.all([
    db.commissionLine.groupBy({
      by: ["periodMonth"],
      where: { partnerId, periodMonth: { gte: from } },
      _sum: { amountCents: true },
      _count: { _all: true },
    }),
    db.commissionLine.groupBy({
      by: ["clientId", "introducedById"],
      where: { partnerId, periodMonth: { gte: from } },
      _sum: { amountCents: true, baseCents: true },
    }),
    db.commissionLine.findMany({
      where: { partnerId, periodMonth: monthStartColumn(month) },
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      take: 500,
      select: {
        id: true,
        occurredAt: true,
        type: true,
        kind: true,
        baseCents: true,
        rateBps: true,
        amountCents: true,
        client: { select: { name: true } },
        introducedBy: { select: { name: true } },
        invoice: { select: { number: true, supplierName: true } },
      },
    }),
    db.commissionStatement.findMany({
      where: { partnerId },
      orderBy: { periodMonth: "desc" },
      take: 24,
      select: {
        id: true,
        periodMonth: true,
        number: true,
        status: true,
        totalCents: true,
        paidOn: true,
        adjustments: { orderBy: { createdAt: "asc" }, select: { amountCents: true, reason: true, visibleToPartner: true } },
      },
    }),
  ]);
  const names = await db.prospect.findMany({
    where: { id: { in: [...new Set(byClient.flatMap((c) => [c.clientId, c.introducedById].filter((v): v is string => !!v)))] } },
    select: { id: true, name: true },
  });
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  const monthTotals = new Map(byMonth.map((m) => [monthOfColumn(m.periodMonth), m]));
  const months = Array.from({ length: 12 }, (_, i) => addMonths(current, -i)).map((m) => ({
    month: m,
    amountCents: monthTotals.get(m)?._sum.amountCents ?? 0,
    lineCount: monthTotals.get(m)?._count._all ?? 0,
  }));
  return {
    month,
    months,
    clients: byClient
      .map((c) => ({
        clientId: c.clientId,
        name: nameOf.get(c.clientId) ?? "",
        introducedBy: c.introducedById ? (nameOf.get(c.introducedById) ?? null) : null,
        financedCents: c._sum.baseCents ?? 0,
        amountCents: c._sum.amountCents ?? 0,
      }))
      .sort((a, b) => b.amountCents - a.amountCents || a.name.localeCompare(b.name, "fr")),
    lines: lines.map((l) => ({
      id: l.id,
      occurredAt: l.occurredAt,
      clientName: l.client.name,
      introducedBy: l.introducedBy?.name ?? null,
      invoiceNumber: l.invoice.number,
      supplierName: l.invoice.supplierName,
      type: l.type,
      kind: l.kind,
      baseCents: l.baseCents,
      rateBps: l.rateBps,
      amountCents: l.amountCents,
    })),
    statements: statements.map((s) => ({
      id: s.id,
      month: monthOfColumn(s.periodMonth),
      number: s.number,
      status: s.status,
      totalCents: s.totalCents,
      paidOn: s.paidOn,
      // The reason of an internal adjustment stays with the admins.
      adjustments: s.status === "DRAFT" ? [] : s.adjustments.map((a) => ({ amountCents: a.amountCents, reason: a.visibleToPartner ? a.reason : null })),
    })),
  };
}

// The statement's PDF of record, when the actor may read it; null otherwise (a 404).
export async function findStatementForDownload(actor: Actor, id: string, db: DbClient = defaultDb) {
  return db.commissionStatement.findFirst({
    where: { AND: [{ id }, statementScope(actor)], number: { not: null } },
    select: { id: true, number: true, pdfStorageKey: true, partnerId: true, validatedAt: true },
  });
}

export const STATEMENTS_PER_PAGE = 25;
export const STATEMENTS_PER_PAGE_OPTIONS = [25, 50, 100] as const;

// The admin list's filters, parsed from the URL: a bad value falls back to its default.
export const statementFiltersSchema = z.object({
  mois: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional().catch(undefined),
  statut: z.enum(CommissionStatementStatus).optional().catch(undefined),
  organisation: z.string().max(64).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
  perPage: z.coerce
    .number()
    .refine((n) => (STATEMENTS_PER_PAGE_OPTIONS as readonly number[]).includes(n))
    .catch(STATEMENTS_PER_PAGE)
    .default(STATEMENTS_PER_PAGE),
});
export type StatementFilters = z.output<typeof statementFiltersSchema>;

export function statementWhere(filters: StatementFilters): Prisma.CommissionStatementWhereInput {
  return {
    ...(filters.mois ? { periodMonth: monthStartColumn(filters.mois) } : {}),
    ...(filters.statut ? { status: filters.statut } : {}),
    ...(filters.organisation ? { partnerId: filters.organisation } : {}),
  };
}

const statementRowSelect = {
  id: true,
  periodMonth: true,
  number: true,
  status: true,
  totalCents: true,
  validatedAt: true,
  paidOn: true,
  paymentReference: true,
  partner: { select: { id: true, name: true, siren: true } },
  _count: { select: { lines: true, adjustments: true } },
} satisfies Prisma.CommissionStatementSelect;

export type StatementRow = Prisma.CommissionStatementGetPayload<{ select: typeof statementRowSelect }>;

// « Relevés de commissions »: every organisation's statements, newest month first.
export async function findStatements(actor: Actor, filters: StatementFilters, db: DbClient = defaultDb) {
  if (!canManageCommissions(actor)) return null;
  const where = statementWhere(filters);
  const [rows, total, sum, partners] = await Promise.all([
    db.commissionStatement.findMany({
      where,
      orderBy: [{ periodMonth: "desc" }, { partner: { name: "asc" } }, { id: "asc" }],
      skip: (filters.page - 1) * filters.perPage,
      take: filters.perPage,
      select: statementRowSelect,
    }),
    db.commissionStatement.count({ where }),
    db.commissionStatement.aggregate({ where, _sum: { totalCents: true } }),
    db.partner.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return { rows, total, totalCents: sum._sum.totalCents ?? 0, page: filters.page, perPage: filters.perPage, partners };
}

export async function getStatementDetail(actor: Actor, id: string, db: DbClient = defaultDb) {
  if (!canManageCommissions(actor)) return null;
  return db.commissionStatement.findUnique({
    where: { id },
    select: {
      ...statementRowSelect,
      version: true,
      pdfStorageKey: true,
      adjustments: { orderBy: { createdAt: "asc" }, select: { id: true, amountCents: true, reason: true, visibleToPartner: true, createdAt: true } },
      lines: {
        orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          type: true,
          kind: true,
          occurredAt: true,
          baseCents: true,
          rateBps: true,
          amountCents: true,
          client: { select: { id: true, name: true } },
          introducedBy: { select: { name: true } },
          invoice: { select: { number: true, supplierName: true } },
        },
      },
    },
  });
}
