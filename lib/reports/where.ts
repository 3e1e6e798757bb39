// The `where` fragments the reports and custom lists share. Partner scoping stays in the
// query (prospectScope) even though only the internal team opens reports.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { prospectScope } from "@/lib/auth/scope";
import { AppError } from "@/lib/errors";
import type { InstantRange, ReportFilters } from "@/lib/reports/filters";

// Reports are for the internal team: anyone else is told the page does not exist.
export function assertCanViewReports(actor: Actor): void {
  if (!can(actor.role, "report:view")) throw new AppError("NOT_FOUND");
}

// The prospect side of the common filters: partner, origin and prospect type, in scope.
export function prospectFiltersWhere(
  actor: Actor,
  filters: Pick<ReportFilters, "partner" | "origin" | "type">,
): Prisma.ProspectWhereInput {
  return {
    AND: [
      prospectScope(actor),
      filters.partner ? { partnerId: filters.partner } : {},
      filters.origin ? { originId: filters.origin } : {},
      filters.type ? { typeId: filters.type } : {},
    ],
  };
}

// A date column within the period; undefined (no condition) when the period is open.
export function rangeCondition(range: InstantRange): { gte?: Date; lt?: Date } | undefined {
  if (!range.gte && !range.lt) return undefined;
  return { ...(range.gte ? { gte: range.gte } : {}), ...(range.lt ? { lt: range.lt } : {}) };
}
