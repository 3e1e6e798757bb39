import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import type { CompanySearchClient } from "@/lib/company-search/client";
import { isAppError } from "@/lib/errors";
import { enrichImportRow } from "@/lib/imports/enrich-row";
import { databaseDuplicates } from "@/lib/imports/classify";
import type { ImportRowData } from "@/lib/imports/fields";
import { checkImportRow, type ImportTarget } from "@/lib/imports/row-form";
import type { Db } from "@/lib/prisma-client";
import { DuplicateProspectError } from "@/lib/prospects/deal-registration";
import { saveProspect } from "@/lib/prospects/save-prospect";

// A RUNNING import whose worker has not reported for this long is taken over by another
// (its worker died); rows already settled are never processed again.
export const IMPORT_LEASE_MS = 60_000;
export const IMPORT_BATCH_SIZE = 50;
export const UNEXPECTED_ROW_ERROR = "Erreur inattendue à l'enregistrement de cette ligne : réessayez plus tard ou créez le dossier à la main.";

type Job = {
  id: string;
  fileName: string;
  partnerId: string | null;
  ownerId: string | null;
  typeId: string | null;
  originId: string | null;
  createdById: string;
  enrich: boolean;
};

// Takes the oldest waiting import (or one whose worker died) for this worker.
export async function claimImportJob(db: Db): Promise<string | null> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    UPDATE "ImportJob" SET "status" = 'RUNNING', "heartbeatAt" = now(), "startedAt" = COALESCE("startedAt", now())
    WHERE "id" = (
      SELECT "id" FROM "ImportJob"
      WHERE "status" = 'QUEUED'
         OR ("status" = 'RUNNING' AND "heartbeatAt" < now() - (${IMPORT_LEASE_MS}::double precision * interval '1 millisecond'))
      ORDER BY "createdAt"
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id"`;
  return rows[0]?.id ?? null;
}

function targetOf(job: Job, actor: Actor): ImportTarget {
  if (actor.role === "PARTNER") return { partnerId: job.partnerId };
  return { partnerId: job.partnerId, ownerId: job.ownerId, typeId: job.typeId, originId: job.originId };
}

async function settle(db: Db, rowId: string, outcome: "SKIPPED" | "FAILED", message: string): Promise<void> {
  await db.importRow.updateMany({ where: { id: rowId, outcome: null }, data: { outcome, message, processedAt: new Date() } });
}

// One row, in its own transaction: the prospect, its contact, its history (« importé » with the
// import's id) and the row's outcome commit together, so a crash never creates a file twice.
async function processRow(
  db: Db,
  actor: Actor,
  job: Job,
  row: { id: string; rowNumber: number; data: ImportRowData; hash: string },
  registry: CompanySearchClient | undefined,
): Promise<void> {
  const target = targetOf(job, actor);
  const enriched = job.enrich && registry ? await enrichImportRow(registry, row.data) : { data: row.data, note: null };
  const check = checkImportRow(enriched.data, target);
  if (!check.ok) return settle(db, row.id, "FAILED", check.messages.join(" "));
  const duplicate = (await databaseDuplicates(db, actor, job.partnerId, [{ rowNumber: row.rowNumber, form: check.form, hash: row.hash }])).get(row.rowNumber);
  if (duplicate) return settle(db, row.id, "SKIPPED", duplicate);
  try {
    await saveProspect(db, actor, check.form, {
      inTransaction: async (tx, saved) => {
        const { count } = await tx.importRow.updateMany({
          where: { id: row.id, outcome: null },
          data: { outcome: "CREATED", prospectId: saved.id, processedAt: new Date(), message: enriched.note },
        });
        // Settled meanwhile by another worker: this creation is rolled back.
        if (count !== 1) throw new Error("Import row already settled");
        await recordAudit(tx, {
          entityType: "ImportJob",
          entityId: job.id,
          prospectId: saved.id,
          actorId: actor.id,
          action: "CREATE",
          changes: { importId: job.id, importedFrom: `${job.fileName}, ligne ${row.rowNumber}` },
        });
      },
    });
  } catch (error) {
    if (error instanceof Error && error.message === "Import row already settled") return;
    if (error instanceof DuplicateProspectError) return settle(db, row.id, "SKIPPED", error.message);
    if (isAppError(error)) return settle(db, row.id, error.code === "CONFLICT" ? "SKIPPED" : "FAILED", error.message);
    await settle(db, row.id, "FAILED", UNEXPECTED_ROW_ERROR);
  }
}

// Works through the import's unsettled rows in batches, renewing the lease after each batch;
// returns "stopped" when asked to stop (the import is resumed later, by any worker).
export async function processImportJob(
  db: Db,
  importId: string,
  options: { batchSize?: number; shouldStop?: () => boolean; maxBatches?: number; registry?: CompanySearchClient } = {},
): Promise<"done" | "stopped"> {
  const job = await db.importJob.findUniqueOrThrow({
    where: { id: importId },
    select: { id: true, fileName: true, partnerId: true, ownerId: true, typeId: true, originId: true, createdById: true, enrich: true, createdBy: true },
  });
  const user = job.createdBy;
  const actor: Actor = { id: user.id, email: user.email, name: user.name, role: user.role, partnerId: user.partnerId };
  let batches = 0;
  for (;;) {
    if (options.shouldStop?.() || (options.maxBatches !== undefined && batches >= options.maxBatches)) return "stopped";
    const rows = await db.importRow.findMany({
      where: { importId, outcome: null },
      orderBy: { rowNumber: "asc" },
      take: options.batchSize ?? IMPORT_BATCH_SIZE,
      select: { id: true, rowNumber: true, data: true, hash: true },
    });
    if (rows.length === 0) break;
    // A disabled account imports nothing more: the rest is refused with the reason.
    for (const row of rows) {
      if (!user.active) await settle(db, row.id, "FAILED", "Le compte qui a lancé l'import est désactivé.");
      else await processRow(db, actor, job, { ...row, data: row.data as ImportRowData }, options.registry);
    }
    batches += 1;
    await db.importJob.update({ where: { id: importId }, data: { heartbeatAt: new Date() } });
  }
  await db.importJob.updateMany({ where: { id: importId, status: "RUNNING" }, data: { status: "DONE", finishedAt: new Date(), heartbeatAt: null } });
  return "done";
}

// Every waiting import, one after the other, until none is left or the worker stops.
export async function runImportJobs(
  db: Db,
  options: { shouldStop?: () => boolean; log?: (message: string) => void; registry?: CompanySearchClient } = {},
): Promise<number> {
  let done = 0;
  for (;;) {
    if (options.shouldStop?.()) return done;
    const id = await claimImportJob(db);
    if (!id) return done;
    const outcome = await processImportJob(db, id, { shouldStop: options.shouldStop, registry: options.registry });
    if (outcome === "done") {
      done += 1;
      options.log?.(`Import ${id} terminé`);
    } else {
      // Handed back at once rather than after the lease: any worker may carry on with it.
      await db.importJob.updateMany({ where: { id, status: "RUNNING" }, data: { status: "QUEUED", heartbeatAt: null } });
    }
  }
}
