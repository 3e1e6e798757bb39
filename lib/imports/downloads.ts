// The import's two downloads: the empty template and the report of one import.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { SESSION_EXPIRED_MESSAGE } from "@/lib/auth/action";
import { can } from "@/lib/auth/permissions";
import { db as defaultDb } from "@/lib/db";
import { APP_ERROR_MESSAGES } from "@/lib/errors";
import { importTemplateRows } from "@/lib/imports/fields";
import { importReportSource, importScope } from "@/lib/imports/queries";
import type { DbClient } from "@/lib/prisma-client";
import { attachmentDisposition, CSV_BOM, csvRow } from "@/lib/reports/csv";
import { exportResponse } from "@/lib/reports/export-writers";

function text(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

export function importTemplateResponse(actor: Actor | null): Response {
  if (!actor) return text(401, SESSION_EXPIRED_MESSAGE);
  if (!can(actor.role, "prospect:create")) return text(404, APP_ERROR_MESSAGES.NOT_FOUND);
  const body = CSV_BOM + importTemplateRows().map(csvRow).join("");
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachmentDisposition("modele-import-prospects.csv"),
      "Cache-Control": "private, no-store",
    },
  });
}

// Another user's import answers 404, like a missing one.
export async function importReportResponse(actor: Actor | null, id: string, db: DbClient = defaultDb): Promise<Response> {
  if (!actor) return text(401, SESSION_EXPIRED_MESSAGE);
  const job = await db.importJob.findFirst({ where: { AND: [{ id }, importScope(actor)] }, select: { id: true, fileName: true } });
  if (!job) return text(404, APP_ERROR_MESSAGES.NOT_FOUND);
  return exportResponse(importReportSource(job.id, job.fileName, db), "csv");
}
