// The export route handlers' logic: authenticate, authorize, parse, answer. Kept out of app/
// so tests call it with a plain Request.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { SESSION_EXPIRED_MESSAGE } from "@/lib/auth/action";
import { can } from "@/lib/auth/permissions";
import { db as defaultDb } from "@/lib/db";
import { APP_ERROR_MESSAGES, isAppError } from "@/lib/errors";
import type { DbClient } from "@/lib/prisma-client";
import { actionReportExportSource, type ActionReportKind } from "@/lib/reports/action-reports";
import type { ExportSource } from "@/lib/reports/export-source";
import { EXPORT_FORMATS, exportResponse, type ExportFormat } from "@/lib/reports/export-writers";
import { parseReportParams, pickReportFilters } from "@/lib/reports/filters";
import { revenueExportSource } from "@/lib/reports/revenue-report";
import { savedListExportSource } from "@/lib/reports/saved-list-rows";
import { getSavedListOrThrow } from "@/lib/reports/saved-lists";

export const REPORT_EXPORTS = ["actions-faites", "actions-non-faites", "chiffre-affaires"] as const;
export type ReportExport = (typeof REPORT_EXPORTS)[number];

const ACTION_KINDS: Partial<Record<ReportExport, ActionReportKind>> = {
  "actions-faites": "done",
  "actions-non-faites": "notDone",
};

function text(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

const notFound = () => text(404, APP_ERROR_MESSAGES.NOT_FOUND);

function isFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

// Repeated keys become arrays, as Next gives them to pages, so both parse the same way.
export function searchParamsRecord(params: URLSearchParams): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    record[key] = values.length === 1 ? values[0]! : values;
  }
  return record;
}

// A session gone: 401; no right to reports, or an unknown report or format: 404.
function gate(actor: Actor | null, format: string): Response | ExportFormat {
  if (!actor) return text(401, SESSION_EXPIRED_MESSAGE);
  if (!can(actor.role, "report:view") || !isFormat(format)) return notFound();
  return format;
}

export async function reportExportResponse(
  actor: Actor | null,
  report: string,
  format: string,
  searchParams: URLSearchParams,
  db: DbClient = defaultDb,
): Promise<Response> {
  const checked = gate(actor, format);
  if (checked instanceof Response) return checked;
  if (!(REPORT_EXPORTS as readonly string[]).includes(report)) return notFound();
  const filters = pickReportFilters(parseReportParams(searchParamsRecord(searchParams)));
  const kind = ACTION_KINDS[report as ReportExport];
  const source: ExportSource = kind
    ? actionReportExportSource(actor!, kind, filters, db)
    : revenueExportSource(actor!, filters, db);
  return exportResponse(source, checked);
}

export async function savedListExportResponse(
  actor: Actor | null,
  id: string,
  format: string,
  db: DbClient = defaultDb,
): Promise<Response> {
  const checked = gate(actor, format);
  if (checked instanceof Response) return checked;
  try {
    const list = await getSavedListOrThrow(actor!, id, db);
    return await exportResponse(savedListExportSource(actor!, list, db), checked);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return notFound();
    throw error;
  }
}
