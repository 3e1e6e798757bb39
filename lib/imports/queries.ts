import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { db as defaultDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ImportStatus } from "@/lib/generated/prisma/enums";
import type { DbClient } from "@/lib/prisma-client";
import type { ExportSource } from "@/lib/reports/export-source";
import { exportDateStamp, keysetBatches } from "@/lib/reports/export-source";
import type { ImportRowData } from "@/lib/imports/fields";

export const UNDO_WINDOW_MS = 24 * 60 * 60 * 1000;

// Who sees an import: whoever ran it; the internal team sees all of them.
export function importScope(actor: Actor): Prisma.ImportJobWhereInput {
  return can(actor.role, "prospect:read:any") ? {} : { createdById: actor.id };
}

export type ImportProgress = {
  id: string;
  fileName: string;
  status: ImportStatus;
  total: number;
  processed: number;
  created: number;
  skipped: number;
  failed: number;
  createdAt: Date;
  finishedAt: Date | null;
  undoneAt: Date | null;
  canUndoUntil: Date | null;
};

// Where an import stands, read from its rows (so it is right after a reload or a worker crash).
export async function getImportProgress(actor: Actor, id: string, db: DbClient = defaultDb): Promise<ImportProgress | null> {
  const job = await db.importJob.findFirst({ where: { AND: [{ id }, importScope(actor)] } });
  if (!job) return null;
  const groups = await db.importRow.groupBy({ by: ["outcome"], where: { importId: id }, _count: { _all: true } });
  const count = (outcome: "CREATED" | "SKIPPED" | "FAILED") => groups.find((g) => g.outcome === outcome)?._count._all ?? 0;
  const created = count("CREATED");
  const skipped = count("SKIPPED");
  const failed = count("FAILED");
  const undoDeadline = job.finishedAt ? new Date(job.finishedAt.getTime() + UNDO_WINDOW_MS) : null;
  return {
    id: job.id,
    fileName: job.fileName,
    status: job.status,
    total: job.totalRows,
    processed: created + skipped + failed,
    created,
    skipped,
    failed,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
    undoneAt: job.undoneAt,
    canUndoUntil: job.status === "DONE" && created > 0 && undoDeadline && undoDeadline > new Date() ? undoDeadline : null,
  };
}

export type ImportSummary = { id: string; fileName: string; status: ImportStatus; totalRows: number; createdAt: Date };

export async function listRecentImports(actor: Actor, db: DbClient = defaultDb): Promise<ImportSummary[]> {
  return db.importJob.findMany({
    where: importScope(actor),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 10,
    select: { id: true, fileName: true, status: true, totalRows: true, createdAt: true },
  });
}

const OUTCOME_LABELS = { CREATED: "Créé", SKIPPED: "Ignoré", FAILED: "Refusé" } as const;

// The report: one line per row of the file, with its outcome and reason, by row number.
export function importReportSource(importId: string, fileName: string, db: DbClient = defaultDb): ExportSource {
  const base = fileName.replace(/\.[^.]+$/, "");
  return {
    fileName: `rapport-import-${base}-${exportDateStamp()}`,
    sheetName: "Rapport d'import",
    columns: [
      { header: "Ligne", kind: "number" },
      { header: "Résultat", kind: "text" },
      { header: "Motif", kind: "text" },
      { header: "Nom", kind: "text" },
      { header: "SIREN", kind: "text" },
    ],
    count: () => db.importRow.count({ where: { importId } }),
    async *batches(batchSize) {
      const pages = keysetBatches(
        { field: "rowNumber", dir: "asc", nullable: false },
        (batch) =>
          db.importRow.findMany({
            where: { AND: [{ importId }, batch.where as Prisma.ImportRowWhereInput] },
            orderBy: batch.orderBy as Prisma.ImportRowOrderByWithRelationInput[],
            take: batch.take,
          }),
        batchSize,
      );
      for await (const rows of pages) {
        yield rows.map((r) => {
          const data = r.data as ImportRowData;
          return [r.rowNumber, r.outcome ? OUTCOME_LABELS[r.outcome] : "En attente", r.message ?? "", data.name ?? data.legalName ?? "", data.siren ?? ""];
        });
      }
    },
  };
}
