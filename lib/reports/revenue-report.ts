// « Chiffre d'affaires par commercial » (the seed's revenue by rep): the amounts of won opportunities, by owner and by
// Paris month of their closing. Summed in PostgreSQL, so the report costs one small result
// whatever the number of opportunities.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { db as defaultDb } from "@/lib/db";
import type { DbClient } from "@/lib/prisma-client";
import { exportDateStamp, type ExportSource } from "@/lib/reports/export-source";
import { centsToEuros, type ExportValue } from "@/lib/reports/export-values";
import { periodRange, type ReportFilters } from "@/lib/reports/filters";
import { formatMonthKey, revenuePeriod, type RevenuePeriod } from "@/lib/reports/revenue-period";
import { assertCanViewReports } from "@/lib/reports/where";

export const NO_REP_LABEL = "Sans commercial";

export type RevenueRepRow = { ownerId: string | null; name: string; byMonthCents: number[]; totalCents: number };

export type RevenueReport = {
  period: RevenuePeriod;
  reps: RevenueRepRow[];
  monthTotalsCents: number[];
  totalCents: number;
};

type Sum = { ownerId: string | null; month: string; cents: bigint };

function scopeCondition(actor: Actor): Prisma.Sql {
  if (can(actor.role, "prospect:read:any")) return Prisma.empty;
  // Mirrors prospectScope: a partner would only ever see its own organisation's files.
  return actor.partnerId ? Prisma.sql`AND p."partnerId" = ${actor.partnerId}` : Prisma.sql`AND FALSE`;
}

export async function findRevenueReport(
  actor: Actor,
  filters: ReportFilters,
  now: Date = new Date(),
  db: DbClient = defaultDb,
): Promise<RevenueReport> {
  assertCanViewReports(actor);
  const period = revenuePeriod(filters, now);
  const range = periodRange(period);
  const sums = await db.$queryRaw<Sum[]>(Prisma.sql`
    SELECT o."ownerId" AS "ownerId",
           to_char(o."closedAt" AT TIME ZONE 'Europe/Paris', 'YYYY-MM') AS "month",
           SUM(o."amountCents")::bigint AS "cents"
    FROM "Opportunity" o
    JOIN "Prospect" p ON p."id" = o."prospectId"
    WHERE o."status" = 'WON'
      AND o."closedAt" >= ${range.gte ?? new Date(0)} AND o."closedAt" < ${range.lt ?? now}
      ${filters.owner ? Prisma.sql`AND o."ownerId" = ${filters.owner}` : Prisma.empty}
      ${filters.partner ? Prisma.sql`AND p."partnerId" = ${filters.partner}` : Prisma.empty}
      ${filters.origin ? Prisma.sql`AND p."originId" = ${filters.origin}` : Prisma.empty}
      ${filters.type ? Prisma.sql`AND p."typeId" = ${filters.type}` : Prisma.empty}
      ${scopeCondition(actor)}
    GROUP BY 1, 2`);

  const ownerIds = [...new Set(sums.map((s) => s.ownerId).filter((id): id is string => id !== null))];
  const users = ownerIds.length
    ? await db.user.findMany({ where: { id: { in: ownerIds } }, select: { id: true, name: true } })
    : [];
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  const monthIndex = new Map(period.months.map((m, i) => [m, i]));

  const reps = new Map<string, RevenueRepRow>();
  for (const sum of sums) {
    const index = monthIndex.get(sum.month);
    if (index === undefined) continue;
    const key = sum.ownerId ?? "";
    let rep = reps.get(key);
    if (!rep) {
      rep = {
        ownerId: sum.ownerId,
        name: sum.ownerId ? (nameOf.get(sum.ownerId) ?? NO_REP_LABEL) : NO_REP_LABEL,
        byMonthCents: period.months.map(() => 0),
        totalCents: 0,
      };
      reps.set(key, rep);
    }
    const cents = Number(sum.cents);
    rep.byMonthCents[index]! += cents;
    rep.totalCents += cents;
  }
  // Best first; « Sans commercial » last.
  const sorted = [...reps.values()].sort(
    (a, b) => Number(a.ownerId === null) - Number(b.ownerId === null) || b.totalCents - a.totalCents || a.name.localeCompare(b.name, "fr"),
  );
  const monthTotalsCents = period.months.map((_, i) => sorted.reduce((sum, rep) => sum + rep.byMonthCents[i]!, 0));
  return { period, reps: sorted, monthTotalsCents, totalCents: monthTotalsCents.reduce((a, b) => a + b, 0) };
}

// The table as exported: one row per rep, one column per month, totals in euros.
export function revenueExportSource(actor: Actor, filters: ReportFilters, db: DbClient = defaultDb): ExportSource {
  assertCanViewReports(actor);
  const now = new Date();
  let report: Promise<RevenueReport> | undefined;
  const load = () => (report ??= findRevenueReport(actor, filters, now, db));
  const months = revenuePeriod(filters, now).months;
  return {
    fileName: `chiffre-affaires-${exportDateStamp(now)}`,
    sheetName: "Chiffre d'affaires",
    columns: [
      { header: "Commercial", kind: "text" },
      ...months.map((m) => ({ header: formatMonthKey(m, "long"), kind: "money" as const })),
      { header: "Total", kind: "money" },
    ],
    count: async () => (await load()).reps.length + 1,
    batches: async function* () {
      const loaded = await load();
      const rows: ExportValue[][] = loaded.reps.map((rep) => [
        rep.name,
        ...rep.byMonthCents.map((c) => centsToEuros(c)),
        centsToEuros(rep.totalCents),
      ]);
      rows.push(["Total", ...loaded.monthTotalsCents.map((c) => centsToEuros(c)), centsToEuros(loaded.totalCents)]);
      yield rows;
    },
  };
}
